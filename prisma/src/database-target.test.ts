import path from 'node:path';
import { DatabaseUrlError, resolveDatabaseTarget } from './database-target';

describe('resolveDatabaseTarget', () => {
  const cwd = '/srv/app';

  it.each([undefined, '', '   '])('defaults to ./data/capi-relay.sqlite when DATABASE_URL is %j', (url) => {
    expect(resolveDatabaseTarget(url, cwd)).toEqual({ provider: 'sqlite', filePath: path.join(cwd, 'data/capi-relay.sqlite') });
  });

  it.each([
    ['file:./db/app.sqlite', '/srv/app/db/app.sqlite'],
    ['file:db.sqlite', '/srv/app/db.sqlite'],
    ['file:/var/lib/capi/app.sqlite', '/var/lib/capi/app.sqlite'],
    ['file:///var/lib/capi/app.sqlite', '/var/lib/capi/app.sqlite'],
    ['file:./app.sqlite?connection_limit=1', '/srv/app/app.sqlite'],
  ])('reads %s as the SQLite file %s', (url, filePath) => {
    expect(resolveDatabaseTarget(url, cwd)).toEqual({ provider: 'sqlite', filePath });
  });

  it.each(['postgres://u:p@db:5432/capi', 'postgresql://u@db/capi?sslmode=require', 'POSTGRES://db/capi'])('reads %s as PostgreSQL', (url) => {
    expect(resolveDatabaseTarget(url, cwd)).toEqual({ provider: 'postgresql', url });
  });

  it.each(['file:', 'file::memory:'])('refuses %j: a file path is needed', (url) => {
    expect(() => resolveDatabaseTarget(url, cwd)).toThrow(/needs a file path/);
  });

  it.each(['mysql://db/capi', 'capi.sqlite', 'sqlite:./x.db'])('refuses %j, naming the accepted forms', (url) => {
    expect(() => resolveDatabaseTarget(url, cwd)).toThrow(DatabaseUrlError);
    expect(() => resolveDatabaseTarget(url, cwd)).toThrow(/"file:" \(SQLite\) or "postgres:\/\/"/);
  });
});
