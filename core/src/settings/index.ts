export * from './consent-policy';
export * from './port';
export * from './settings-view';
export * from './validate-settings-input';
export * from './settings-service';
export * from './send-test-event';
