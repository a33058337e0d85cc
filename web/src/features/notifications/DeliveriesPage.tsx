import { useState } from 'react';
import { Timestamp } from '../../ui/Details';
import { DataTable } from '../../ui/DataTable';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { format } from '../../i18n';
import { useDeliveries } from './api';
import { useNotificationsI18n } from './i18n';
import './notifications.css';

const STATES = ['pending', 'sending', 'sent', 'failed'] as const;

/** Administrators: every notification e-mail, its state, attempts and last error. */
export function DeliveriesPage() {
  const { t } = useNotificationsI18n();
  const n = t.notifications;
  const d = n.deliveries;
  useDocumentTitle(d.title);
  const [state, setState] = useState('');
  const list = useDeliveries(state);
  return (
    <div className="page">
      <header className="page__header">
        <h1>{d.title}</h1>
        <p className="page__intro">{d.intro}</p>
      </header>
      <div className="form-field">
        <label htmlFor="delivery-state">{d.state}</label>
        <select id="delivery-state" value={state} onChange={(e) => setState(e.target.value)} data-testid="delivery-state">
          <option value="">{d.all}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {d.states[s]}
            </option>
          ))}
        </select>
      </div>
      <DataTable
        list={list}
        name="deliveries"
        caption={d.caption}
        className="table table--stack"
        columns={[d.columns.id, d.columns.user, d.columns.what, d.columns.state, d.columns.attempts, d.columns.lastError, d.columns.updatedAt]}
        empty={d.empty}
        row={(x) => (
          <tr key={x.id} data-testid="delivery-row" data-state={x.state}>
            <td className="row-title">{x.id}</td>
            <td data-label={d.columns.user}>
              {x.username}
              {x.toAddress && <div className="muted">{x.toAddress}</div>}
            </td>
            <td data-label={d.columns.what}>{x.notificationKind ? n.kinds[x.notificationKind] : x.digestDay ? format(d.digest, { day: x.digestDay }) : ''}</td>
            <td data-label={d.columns.state}>
              <span className={`badge badge--${x.state}`}>{d.states[x.state]}</span>
            </td>
            <td data-label={d.columns.attempts}>{x.attempts}</td>
            <td data-label={d.columns.lastError}>{x.lastError && <code>{x.lastError}</code>}</td>
            <td data-label={d.columns.updatedAt}>
              <Timestamp iso={x.updatedAt} />
            </td>
          </tr>
        )}
      />
    </div>
  );
}
