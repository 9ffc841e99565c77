import { describe, expect, it } from 'vitest';
import type { ActivityMessages } from './activity-messages';
import {
  defaultActivityMessages,
  formatActivity,
  formatClock,
  renderTemplate,
} from './activity-messages';
import { deriveCallActivities } from './derive-call-activities';
import { permissionRequestSentActivity } from './permission-activities';
import { ana, at, connect, factsOf, terminate } from '../../test/support/test-events';

/** A complete Spanish table: typing it as `ActivityMessages` makes the compiler list any gap. */
const es: ActivityMessages = {
  'call.missed_no_answer': 'Perdida: ningún agente respondió[ en {seconds} s]',
  'call.missed_no_answer.agent': '{agent} no respondió[ en {seconds} s]',
  'call.agent_declined': '{agent} rechazó la llamada[ tras {seconds} s]',
  'call.agent_inactive': '{agent} estaba inactivo',
  'call.all_agents_busy': 'Todos los agentes estaban ocupados',
  'call.unassigned': 'La llamada no se asignó',
  'call.started_by_agent': 'Llamada iniciada[ por {agent}]',
  'call.answered_by_agent': 'Atendida[ por {agent}][ tras {seconds} s]',
  'call.answered_by_customer': 'Atendida por el cliente[ tras {seconds} s]',
  'call.rejected_by_customer': 'Rechazada por el cliente[ tras {seconds} s]',
  'call.unanswered.agent': 'Sin respuesta: finalizada[ por {agent}][ tras {seconds} s]',
  'call.unanswered.platform': 'Sin respuesta[ tras {seconds} s]',
  'call.ended_by_agent': 'Finalizada[ por {agent}] tras {duration}',
  'call.ended_by_customer': 'Finalizada por el cliente tras {duration}',
  'call.dropped.agent': 'Cortada: problema de red del agente',
  'call.dropped.customer': 'Cortada: problema de red del cliente',
  'call.dropped.unknown': 'Cortada: conexión perdida',
  'call.recording_available': 'Grabación de la llamada disponible',
  'call.transcript_available': 'Transcripción de la llamada disponible',
  'call.end_not_seen': 'Sin noticias de WhatsApp durante {minutes} min: marcada como finalizada',
  'permission.granted.permanent': 'Permiso de llamada permanente concedido',
  'permission.granted.temporary': 'Permiso de llamada temporal concedido',
  'permission.revoked_by_customer': 'El cliente revocó el permiso',
  'permission.auto_revoked': 'Permiso revocado tras {missedCalls} llamadas perdidas',
  'permission.expired': 'El permiso caducó tras {days} días',
  'permission_request.sent.free_form': 'Solicitud de permiso enviada[ por {agent}]',
  'permission_request.sent.template': 'Solicitud de permiso enviada[ por {agent}] con plantilla',
  'permission_request.approved.permanent': 'Solicitud aprobada (permanente)',
  'permission_request.approved.temporary': 'Solicitud aprobada (temporal)',
  'permission_request.declined': 'Solicitud rechazada',
  'permission_request.expired': 'La solicitud caducó sin respuesta',
  'call_invite.sent.free_form': 'Invitación enviada[ por {agent}]',
  'call_invite.sent.template': 'Invitación enviada[ por {agent}] con plantilla',
};

describe('replacing the message table (i18n)', () => {
  const facts = factsOf([
    connect('wacid.i18n', 'user_initiated', 0),
    { callId: 'wacid.i18n', kind: 'answered', agent: ana, at: at(6) },
    { callId: 'wacid.i18n', kind: 'ended', agent: ana, at: at(96) },
    terminate('wacid.i18n', 'user_initiated', 97, { start: 6, end: 96 }),
  ]);

  it('derives every text from the table passed in', () => {
    expect(deriveCallActivities(facts, { messages: es }).map((a) => a.text)).toEqual([
      'Atendida por Ana tras 6 s',
      'Finalizada por Ana tras 1:30',
    ]);
  });

  it('keeps kinds and params language-neutral, so stored activities can be re-rendered', () => {
    const english = deriveCallActivities(facts);
    const spanish = deriveCallActivities(facts, { messages: es });
    expect(spanish.map(({ text: _t, ...rest }) => rest)).toEqual(
      english.map(({ text: _t, ...rest }) => rest),
    );
    expect(english.map((a) => formatActivity(a.kind, a.params, a.actor, es))).toEqual(
      spanish.map((a) => a.text),
    );
  });

  it('falls back to English for entries a partial table leaves out', () => {
    const partial = { 'call.answered_by_agent': 'Taken by {agent} ({seconds}s)' };
    expect(deriveCallActivities(facts, { messages: partial }).map((a) => a.text)).toEqual([
      'Taken by Ana (6s)',
      'Ended by Ana after 1:30',
    ]);
  });

  it('applies to the activity builders too', () => {
    const sent = permissionRequestSentActivity(
      {
        customer: '4915112345678',
        at: at(0),
        agent: ana,
        channel: 'template',
        templateName: 'callback_v2',
      },
      es,
    );
    expect(sent.text).toBe('Solicitud de permiso enviada por Ana con plantilla');
  });
});

describe('the English table', () => {
  it('words the variants of one kind differently', () => {
    expect(formatActivity('call.dropped', { side: 'agent', code: 138021 })).toBe(
      'Dropped: network problem on the agent’s side (error 138021)',
    );
    expect(formatActivity('call.unanswered', { seconds: 30, endedBy: 'platform' })).toBe(
      'No answer: the call timed out after 30 s',
    );
    expect(formatActivity('permission.granted', { permanent: true })).toBe(
      'The customer granted permanent call permission',
    );
    expect(formatActivity('permission.auto_revoked', { missedCalls: 4 })).toBe(
      'Call permission revoked automatically after 4 missed calls',
    );
    expect(formatActivity('call_invite.sent', { channel: 'free_form' }, ana)).toBe(
      'Call invite sent by Ana',
    );
  });

  it('tells the helpdesk-reported miss of one agent from a call nobody took', () => {
    expect(formatActivity('call.missed_no_answer', { seconds: 20 }, ana)).toBe(
      'Ana did not answer within 20 s',
    );
    expect(formatActivity('call.missed_no_answer', { seconds: 45 })).toBe(
      'Missed: no agent answered within 45 s',
    );
  });

  it('has a text for every message key', () => {
    for (const [key, text] of Object.entries(defaultActivityMessages)) {
      expect(text.trim(), key).not.toBe('');
    }
  });
});

describe('templates', () => {
  const values = new Map([
    ['agent', 'Ana'],
    ['seconds', '7'],
  ]);

  it('drop an optional part whose placeholder has no value', () => {
    expect(renderTemplate('Picked up[ by {agent}][ after {minutes} min]', values)).toBe(
      'Picked up by Ana',
    );
  });

  it('leave an unknown placeholder visible so a typo in a translation is noticed', () => {
    expect(renderTemplate('Picked up by {agnet}', values)).toBe('Picked up by {agnet}');
  });

  it('format durations as a clock', () => {
    expect([formatClock(0), formatClock(65), formatClock(3725)]).toEqual([
      '0:00',
      '1:05',
      '1:02:05',
    ]);
  });
});
