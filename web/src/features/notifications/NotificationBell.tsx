import { Link } from 'react-router';
import { format } from '../../i18n';
import { paths } from '../../lib/paths';
import { useUnreadCount } from './api';
import { useNotificationsI18n } from './i18n';
import './notifications.css';

/** The header's bell: a link to the notifications, with the unread count polled in the background. */
export default function NotificationBell() {
  const { t } = useNotificationsI18n();
  const unread = useUnreadCount();
  const count = unread.data?.count ?? 0;
  return (
    <Link
      to={paths.notifications()}
      className="bell"
      data-testid="notification-bell"
      aria-label={count > 0 ? format(t.notifications.bellUnread, { count }) : t.notifications.bell}
      title={t.notifications.bell}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="bell__icon">
        <path
          d="M12 3a6 6 0 0 0-6 6v3.5L4.5 16h15L18 12.5V9a6 6 0 0 0-6-6zM9.5 19a2.5 2.5 0 0 0 5 0"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.7"
          strokeLinejoin="round"
        />
      </svg>
      {count > 0 && (
        <span className="bell__count" data-testid="notification-count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
