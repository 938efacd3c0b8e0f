import { Writable } from 'node:stream';
import Fastify from 'fastify';

import { loggerOptions, readableLogStream } from './logger-options';

function capture() {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { chunks, destination };
}

describe('development log lines', () => {
  it('are one readable line each: time, level, message, then the fields, with credentials still redacted', async () => {
    const { chunks, destination } = capture();
    const app = Fastify({ logger: loggerOptions('info', readableLogStream(destination)) });
    app.log.info({ shop: 'a.myshopify.com', accessToken: 'EAAB-secret' }, 'settings updated');
    const text = chunks.join('');
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: settings updated \{"shop":"a\.myshopify\.com","accessToken":"\[redacted\]"\}\n$/);
    expect(text).not.toContain('EAAB-secret');
    await app.close();
  });
});
