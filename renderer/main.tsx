import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi } from './api/client';
import { AppRoutes } from './frame/AppRoutes';
import { LocaleProvider } from './i18n/LocaleProvider';
import { DeskChoicePage } from './session/DeskChoicePage';
import './styles/base.css';
import './styles/frame.css';
import './styles/shortcuts-sheet.css';
import './styles/states.css';
import './styles/overview.css';
import './styles/areas.css';

// Choose the transport first: in browser mode this also takes `?token=` out of the address.
getApi();

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

// The desktop app on a machine that is neither a desk nor a seat yet asks first (issue 13).
const chooser = window.griddeskDesk?.state.mode === 'choose' ? window.griddeskDesk : null;

createRoot(rootElement).render(
  <StrictMode>
    <LocaleProvider>
      {chooser ? <DeskChoicePage chooser={chooser} /> : <AppRoutes />}
    </LocaleProvider>
  </StrictMode>,
);
