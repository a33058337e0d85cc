import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Timestamp } from '../../ui/Details';
import { Loading } from '../../ui/Loading';
import { ProblemView } from '../../ui/ProblemView';
import { PagedListFooter } from '../../ui/DataTable';
import { paths } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useMe } from '../auth/session';
import { useMarkAllRead, useNotificationList } from './api';
import { useNotificationsI18n } from './i18n';
import './notifications.css';

/**
 * The caller's notifications, newest first. Opening the list marks everything read: what was unread when it opened
 * stays marked "new" on screen until the page is left.
 */
export function NotificationsPage() {
  const { t } = useNotificationsI18n();
  const n = t.notifications;
  useDocumentTitle(n.title);
  const me = useMe();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotificationList(unreadOnly);
  const markAll = useMarkAllRead();
  const marked = useRef(false);

  useEffect(() => {
    if (marked.current || list.status !== 'success') return;
    marked.current = true;
    if (list.items.some((item) => item.readAt === null)) markAll.mutate();
  }, [list.status, list.items, markAll]);

  return (
    <div className="page">
      <header className="page__header">
        <h1>{n.title}</h1>
        <p className="page__intro">{n.intro}</p>
        <p>
          <Link to={paths.account()}>{n.preferencesLink}</Link>
          {me.permissions.includes('notifications:deliveries') && (
            <>
              {' · '}
              <Link to={paths.notificationDeliveries()}>{n.deliveriesLink}</Link>
            </>
          )}
        </p>
      </header>
      <label className="checkbox">
        <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} data-testid="notifications-unread-only" />{' '}
        {n.unreadOnly}
      </label>
      {list.status === 'pending' ? (
        <Loading />
      ) : list.problem ? (
        <ProblemView problem={list.problem} onRetry={list.retry} />
      ) : (
        <section className="card" aria-label={n.caption}>
          {list.items.length === 0 ? (
            <p className="table__empty">{n.empty}</p>
          ) : (
            <ul className="notification-list" data-testid="notification-list">
              {list.items.map((item) => (
                <li
                  key={item.id}
                  className={item.readAt === null ? 'notification notification--new' : 'notification'}
                  data-testid="notification"
                  data-kind={item.kind}
                  data-unread={item.readAt === null}
                >
                  <div className="notification__head">
                    {item.readAt === null && <span className="badge badge--new">{n.new}</span>}
                    <span className="notification__title">{item.title}</span>
                    <span className="notification__meta">{n.kinds[item.kind]}</span>
                  </div>
                  <div className="notification__body">{item.body}</div>
                  <div className="notification__meta">
                    <Timestamp iso={item.createdAt} /> · <Link to={item.link}>{n.open}</Link>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <PagedListFooter list={list} />
        </section>
      )}
    </div>
  );
}
