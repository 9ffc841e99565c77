import { useState } from 'react';
import type { DemoInfo } from '../shared/api-types';
import { AgentConsole } from './agent/agent-console';
import { api } from './api';
import { useLiveVersions, useResource } from './live-data';
import { CustomerPhone } from './phone/customer-phone';

const loadInfo = () => api.info();

/** The demo page: the agent console, and the customer's phone when the simulator plays the customer. */
export function App() {
  const versions = useLiveVersions();
  const info = useResource('info', loadInfo, 0);
  const [selected, setSelected] = useState<string>();

  return (
    <>
      <header className="page-header">
        <h1>@wacall helpdesk demo</h1>
        {info.data && <ModeNote info={info.data} />}
      </header>
      <main className="panes">
        <AgentConsole version={versions.tickets} selected={selected} onSelect={setSelected} />
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
