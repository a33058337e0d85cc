-- Sessions are kept under the SHA-256 of their id (lower-case hex, in the same id column), not the id itself: the
-- id is what the cookie carries, so a copy of the database (a backup, a leaked file) must not hold it. The ids stored
-- so far cannot be hashed in SQL alike on both engines (SQLite has no SHA-256), so those sessions end here: everyone
-- signs in once more after this upgrade.
DELETE FROM user_sessions;
