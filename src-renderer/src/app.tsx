import { useEffect, useState } from 'react';
import type { AppInfo } from '../../src-core/ipc/contract';
import { api } from './courier-api';

/** The application shell. */
export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void api().app.info().then(setInfo);
  }, []);
  return (
    <main>
      <h1>Courier</h1>
      <p data-testid="app-version">{info ? `Version ${info.version}` : 'Starting…'}</p>
    </main>
  );
}
