import { useEffect, useState } from 'react';
import type { DemoInfo } from '../shared/api-types';
import { AgentConsole } from './agent/agent-console';
import { api } from './api';
import { useLiveVersions, useResource } from './live-data';
import { CustomerPhone } from './phone/customer-phone';
import { TemplatesPage } from './templates/templates-page';

const loadInfo = () => api.info();

type PageName = 'tickets' | 'templates';

// The page lives in the URL's hash, so a link (e.g. the dialog's "Create a template") can open it.
const pageOf = (hash: string): PageName => (hash === '#templates' ? 'templates' : 'tickets');

/** The demo page: the agent console or the templates, and the customer's phone when simulated. */
export function App() {
  const versions = useLiveVersions();
  const info = useResource('info', loadInfo, 0);
  const [selected, setSelected] = useState<string>();
  const [page, setPage] = useState<PageName>(() => pageOf(window.location.hash));

  useEffect(() => {
    const follow = () => setPage(pageOf(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  return (
    <>
      <header className="page-header">
        <h1>@wacall helpdesk demo</h1>
        <nav aria-label="Pages" className="page-nav">
          <a href="#tickets" aria-current={page === 'tickets' ? 'page' : undefined}>
            Tickets
          </a>
          <a href="#templates" aria-current={page === 'templates' ? 'page' : undefined}>
            Templates
          </a>
        </nav>
        {info.data && <ModeNote info={info.data} />}
      </header>
      <main className="panes">
        {page === 'templates' ? (
          <TemplatesPage
            version={versions.templates}
            onUse={() => (window.location.hash = '#tickets')}
          />
        ) : (
          <AgentConsole version={versions.tickets} selected={selected} onSelect={setSelected} />
        )}
        {info.data?.mode === 'simulator' && <CustomerPhone version={versions.phone} />}
      </main>
    </>
  );
}

function ModeNote({ info }: { info: DemoInfo }) {
  return (
    <p className="page-header__note">
      Working as {info.agent.name} for {info.businessNumber} ·{' '}
      {info.mode === 'simulator'
        ? 'offline: the Cloud API and the customers are simulated'
        : 'connected to the WhatsApp Cloud API: call from a real phone'}
    </p>
  );
}
