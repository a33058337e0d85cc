import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { session } from './lib/session';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Ask the API once whether a session exists; the App shows "checking" until it knows.
void session.start();

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
