export { isOpenToTwin, stitchTwin, type StitchedRow } from './stitch-twin';
export { mergeServerEvents } from './merge-server-events';
export { withBrowserContext } from './with-browser-context';
