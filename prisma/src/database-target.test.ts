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

  it.each([
    ['postgres://u@db/capi?schema=capi_relay', 'postgres://u@db/capi'],
    ['postgres://u@db/capi?sslmode=require&schema=capi_relay', 'postgres://u@db/capi?sslmode=require'],
  ])('takes the schema out of %s (pg does not know it)', (url, rest) => {
    expect(resolveDatabaseTarget(url, cwd)).toEqual({ provider: 'postgresql', url: rest, schema: 'capi_relay' });
  });

  it.each(['Capi', 'capi-relay', '1capi', 'x";DROP'])('refuses the schema name %j', (schema) => {
    expect(() => resolveDatabaseTarget(`postgres://db/capi?schema=${encodeURIComponent(schema)}`, cwd)).toThrow(/schema .* must be lowercase/);
  });

  it.each(['file:', 'file::memory:'])('refuses %j: a file path is needed', (url) => {
    expect(() => resolveDatabaseTarget(url, cwd)).toThrow(/needs a file path/);
  });

  it.each(['mysql://db/capi', 'capi.sqlite', 'sqlite:./x.db'])('refuses %j, naming the accepted forms', (url) => {
    expect(() => resolveDatabaseTarget(url, cwd)).toThrow(DatabaseUrlError);
    expect(() => resolveDatabaseTarget(url, cwd)).toThrow(/"file:" \(SQLite\) or "postgres:\/\/"/);
  });
});
