import { runSandboxCli } from './cli';
import { postEvents } from './__tests__/post-events';
import { sampleServerEvent } from './sample-events';

it('starts on PORT, prints its URL and logs each /events request as one JSON line', async () => {
  const lines: string[] = [];
  const sandbox = await runSandboxCli({ PORT: '0', SANDBOX_KNOWN_PIXELS: '1234567890, 42' }, (line) => lines.push(line));
  try {
    expect(lines[0]).toContain(`listening on ${sandbox.url}`);
    expect((await postEvents(sandbox, { data: [sampleServerEvent()] })).status).toBe(200);
    expect((await postEvents(sandbox, { data: [sampleServerEvent()] }, { pixelId: '7' })).status).toBe(400);
    const logged = lines.slice(1).map((line) => JSON.parse(line));
    expect(logged).toEqual([
      expect.objectContaining({ level: 'info', pixelId: '1234567890', status: 200 }),
      expect.objectContaining({ level: 'info', pixelId: '7', status: 400 }),
    ]);
  } finally {
    await sandbox.close();
  }
});

it('refuses a PORT that is not a port number', async () => {
  await expect(runSandboxCli({ PORT: 'http' }, () => undefined)).rejects.toThrow(/PORT/);
});
