// Stylesheets first, in cascade order: the base, then the shared components. Each feature's own sheet
// comes with its components (a lazy page's with its chunk), so it always follows these two.
import './app/base.css';
import './ui/ui.css';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProvider } from './app/provider';
import { router } from './app/router';
import { session } from './features/auth/session';
import { prepareLanguage } from './i18n';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Ask the API once whether a session exists; the shell shows "checking" until it knows.
void session.start();

// English readers wait for their dictionaries (a chunk of their own); Korean readers start at once.
void prepareLanguage().then(() =>
  createRoot(root).render(
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>,
  ),
);
