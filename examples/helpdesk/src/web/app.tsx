import { useEffect, useState } from 'react';
import { useWacallEvents } from '@wacall/react';
import type { DemoInfo } from '../shared/api-types';
import { AgentBar } from './agent/agent-bar';
import { AgentConsole } from './agent/agent-console';
import { useAgentAudio } from './agent/use-agent-audio';
import { api, eventsUrl } from './api';
import { CallsPage } from './calls/calls-page';
import { useLiveVersions, useResource } from './live-data';
import { CustomerPhone } from './phone/customer-phone';
import { TemplatesPage } from './templates/templates-page';

const loadInfo = () => api.info();

type PageName = 'tickets' | 'calls' | 'templates';

// The page lives in the URL's hash, so a link (e.g. the dialog's "Create a template") can open it.
const pageOf = (hash: string): PageName =>
  hash === '#templates' ? 'templates' : hash === '#calls' ? 'calls' : 'tickets';

/** The demo page: the agent's console, calls or templates, and the customer's phone when simulated. */
export function App() {
  const events = useWacallEvents(eventsUrl);
  const versions = useLiveVersions(events);
  const info = useResource('info', loadInfo, 0);
  const [selected, setSelected] = useState<string>();
  const [page, setPage] = useState<PageName>(() => pageOf(window.location.hash));
  // Above every page, so switching tickets or pages mid-call keeps the call's audio.
  const audio = useAgentAudio(versions.tickets);

  useEffect(() => {
    const follow = () => setPage(pageOf(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  const openTicket = (customer: string) => {
    setSelected(customer);
    window.location.hash = '#tickets';
  };

  return (
    <>
      <header className="page-header">
        <h1>@wacall helpdesk demo</h1>
        <nav aria-label="Pages" className="page-nav">
          <a href="#tickets" aria-current={page === 'tickets' ? 'page' : undefined}>
            Tickets
          </a>
          <a href="#calls" aria-current={page === 'calls' ? 'page' : undefined}>
            Calls
          </a>
          <a href="#templates" aria-current={page === 'templates' ? 'page' : undefined}>
            Templates
          </a>
        </nav>
        {info.data && <ModeNote info={info.data} />}
      </header>
      {info.data && (
        <AgentBar agent={info.data.agent} events={events} audio={audio} onOpenTicket={openTicket} />
      )}
      <main className="panes">
        {page === 'templates' ? (
          <TemplatesPage
            version={versions.templates}
            onUse={() => (window.location.hash = '#tickets')}
          />
        ) : page === 'calls' ? (
          <CallsPage
            events={events}
            onOpenCall={(call) => openTicket(call.customer.waId ?? call.customer.userId ?? '')}
          />
        ) : (
          <AgentConsole
            version={versions.tickets}
            selected={selected}
            onSelect={setSelected}
            audio={audio}
          />
        )}
        {info.data?.mode === 'simulator' && <CustomerPhone version={versions.phone} />}
      </main>
    </>
  );
}

function ModeNote({ info }: { info: DemoInfo }) {
  return (
    <div className="page-header__note">
      <p>
        Working as {info.agent.name} for {info.businessNumber} ·{' '}
        {info.mode === 'simulator'
          ? 'offline: the Cloud API and the customers are simulated'
          : 'connected to the WhatsApp Cloud API: call from a real phone'}
      </p>
      {/* No login in the demo: each tab says whom it works as. */}
      <nav aria-label="Agents" className="page-nav">
        {info.agents.map((agent) => (
          <a
            key={agent.id}
            href={`?agent=${agent.name.toLowerCase()}${window.location.hash}`}
            aria-current={agent.id === info.agent.id ? 'page' : undefined}
          >
            Work as {agent.name}
          </a>
        ))}
      </nav>
    </div>
  );
}
