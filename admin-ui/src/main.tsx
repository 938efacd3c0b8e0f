import '@shopify/polaris/build/esm/styles.css';

import { AppProvider } from '@shopify/polaris';
import en from '@shopify/polaris/locales/en.json';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './App';
import { createApiClient } from './lib/api-client';
import { PANEL_CONFIG_ELEMENT_ID, parsePanelConfig } from './lib/panel-config';
import { tokenSource } from './token-source';

const config = parsePanelConfig(document.getElementById(PANEL_CONFIG_ELEMENT_ID)?.textContent);
const api = createApiClient({ getToken: tokenSource(config) });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider i18n={en}>
      <App api={api} config={config} />
    </AppProvider>
  </StrictMode>,
);
