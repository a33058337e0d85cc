import { useRef, useState, type FormEvent } from 'react';
import type { ApiKeyDto, ApiKeyScope, CreatedApiKeyDto } from '../../api/client';
import { API_KEY_SCOPES, isOneOf } from '../../api/enums';
import { useAgencyChoices } from '../agencies/AgencyChoice';
import { Timestamp } from '../../ui/Details';
import { Dialog } from '../../ui/Dialog';
import { Field, FormProblem, Notice, mergeErrors, splitErrors, textOf, type FieldErrors } from '../../ui/Form';
import { DataTable } from '../../ui/DataTable';
import { ProblemView } from '../../ui/ProblemView';
import { ApiKeyStatusBadge } from '../../ui/StatusBadge';
import { useI18n } from '../../i18n';
import { endOfKstDay } from '../audit/audit';
import { can } from '../../lib/permissions';
import { useMe } from '../auth/session';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useApiKeyList, useCreateApiKey, useRevokeApiKey } from './api';
import './api-keys.css';

export function ApiKeysPage() {
  const { t, name, fmt } = useI18n();
  useDocumentTitle(t.apiKeys.title);
  const me = useMe();
  const manage = can(me, 'api-keys:manage');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKeyDto>();
  const [revoking, setRevoking] = useState<ApiKeyDto>();
  const [notice, setNotice] = useState<string>();

  const list = useApiKeyList();

  return (
    <div className="page">
      <header className="page__header page__header--actions">
        <div>
          <h1>{t.apiKeys.title}</h1>
          <p className="page__intro">{manage ? t.apiKeys.introManage : t.apiKeys.introOwn}</p>
        </div>
        {manage && (
          <button type="button" className="button button--primary" onClick={() => setCreating(true)} data-testid="api-key-create">
            {t.apiKeys.create}
          </button>
        )}
      </header>

      {notice && <Notice testId="api-key-notice">{notice}</Notice>}
      <DataTable
        list={list}
        name="api-keys"
        caption={t.apiKeys.caption}
        className="table table--stack"
        columns={[
          t.apiKeys.columns.name,
          t.apiKeys.columns.agency,
          t.apiKeys.columns.prefix,
          t.apiKeys.columns.scopes,
          t.apiKeys.columns.status,
          t.apiKeys.columns.expiresAt,
          t.apiKeys.columns.lastUsedAt,
          manage && t.apiKeys.columns.actions,
        ]}
        empty={t.apiKeys.empty}
        row={(key) => (
          <tr key={key.id} data-testid="api-key-row" data-name={key.name}>
            <td className="row-title">{key.name}</td>
            <td data-label={t.apiKeys.columns.agency}>{name(key.agency)}</td>
            <td data-label={t.apiKeys.columns.prefix}>
              <code>{key.prefix}…</code>
            </td>
            <td data-label={t.apiKeys.columns.scopes}>
              <ul className="inline-list">
                {key.scopes.map((scope) => (
                  <li key={scope}>{t.apiKeyScopes[scope] ?? scope}</li>
                ))}
              </ul>
            </td>
            <td data-label={t.apiKeys.columns.status}>
              <ApiKeyStatusBadge status={key.status} />
            </td>
            <td data-label={t.apiKeys.columns.expiresAt}>
              <Timestamp iso={key.expiresAt} />
            </td>
            <td data-label={t.apiKeys.columns.lastUsedAt}>
              {key.lastUsedAt ? <Timestamp iso={key.lastUsedAt} /> : <span className="muted">{t.apiKeys.neverUsed}</span>}
            </td>
            {manage && (
              <td data-label={t.apiKeys.columns.actions}>
                {key.status === 'active' && (
                  <button type="button" className="button button--danger button--small" onClick={() => setRevoking(key)} data-testid="api-key-revoke">
                    {t.apiKeys.revoke}
                  </button>
                )}
              </td>
            )}
          </tr>
        )}
      />

      <Dialog open={creating} title={t.apiKeys.createTitle} onClose={() => setCreating(false)} testId="api-key-create-dialog">
        <CreateKeyForm
          onCancel={() => setCreating(false)}
          onCreated={(result) => {
            setCreating(false);
            setNotice(undefined);
            setCreated(result);
          }}
        />
      </Dialog>

      {/* The secret lives only in this state: closing the dialog drops it for good. */}
      <Dialog open={created !== undefined} title={t.apiKeys.secretTitle} onClose={() => setCreated(undefined)} testId="api-key-secret-dialog" requireChoice>
        {created && <SecretView created={created} onDone={() => setCreated(undefined)} />}
      </Dialog>

      <Dialog open={revoking !== undefined} title={t.apiKeys.revokeTitle} onClose={() => setRevoking(undefined)} testId="api-key-revoke-dialog" tone="danger">
        {revoking && (
          <RevokeConfirm
            apiKey={revoking}
            onCancel={() => setRevoking(undefined)}
            onRevoked={() => {
              setNotice(fmt(t.apiKeys.revoked, { name: revoking.name }));
              setRevoking(undefined);
            }}
          />
        )}
      </Dialog>
    </div>
  );
}

const CREATE_FORM = 'api-key';
const CREATE_FIELDS = ['agencyCode', 'name', 'scopes', 'expiresAt'] as const;

function CreateKeyForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (created: CreatedApiKeyDto) => void }) {
  const { t } = useI18n();
  const agencies = useAgencyChoices();
  const create = useCreateApiKey();
  const problem = create.error ?? undefined;
  const pending = create.isPending;
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const agencyCode = textOf(data, 'agencyCode');
    const name = textOf(data, 'name');
    const scopes = data.getAll('scopes').filter((s): s is ApiKeyScope => typeof s === 'string' && isOneOf(API_KEY_SCOPES, s));
    const expiryDay = textOf(data, 'expiresAt');
    const expiresAt = expiryDay ? endOfKstDay(expiryDay) : undefined;
    const found: FieldErrors = {};
    if (!agencyCode) found.agencyCode = [t.form.required];
    if (!name) found.name = [t.form.required];
    if (scopes.length === 0) found.scopes = [t.form.required];
    if (expiryDay && !expiresAt) found.expiresAt = [t.form.required];
    setOwnErrors(found);
    if (Object.keys(found).length > 0 || !agencyCode || !name) {
      create.reset();
      return;
    }
    create.mutate(
      { agencyCode, name, scopes, expiresAt: expiresAt ?? null },
      {
        onSuccess: (result) => {
          onCreated(result);
          // The secret now lives only in the page's dialog.
          create.reset();
        },
      },
    );
  }

  const { inPlace, rest } = splitErrors(problem, CREATE_FIELDS);
  const errors = mergeErrors(ownErrors, inPlace);
  const scopeErrors = errors.scopes ?? [];

  return (
    <form onSubmit={submit} noValidate className="dialog__form" aria-busy={pending}>
      <div className="form__grid form__grid--single">
        <Field form={CREATE_FORM} name="agencyCode" label={t.apiKeys.agency} errors={errors} required>
          {(p) => (
            <select {...p} defaultValue="" data-testid="api-key-agency">
              <option value="">{t.apiKeys.chooseAgency}</option>
              {(agencies.data ?? []).map((agency) => (
                <option key={agency.code} value={agency.code}>
                  {agency.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field form={CREATE_FORM} name="name" label={t.apiKeys.name} errors={errors} hint={t.apiKeys.nameHint} required>
          {(p) => <input {...p} type="text" maxLength={200} autoComplete="off" />}
        </Field>
        <fieldset
          className="form-field checkbox-group"
          aria-invalid={scopeErrors.length ? true : undefined}
          aria-describedby={scopeErrors.length ? `${CREATE_FORM}-scopes-error` : `${CREATE_FORM}-scopes-hint`}
        >
          <legend>{t.apiKeys.scopes}</legend>
          {API_KEY_SCOPES.map((scope) => (
            <label key={scope} className="checkbox">
              <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === 'read'} data-testid={`scope-${scope}`} />
              <span>
                <strong>{t.apiKeyScopes[scope]}</strong> <span className="muted">— {t.apiKeyScopeHints[scope]}</span>
              </span>
            </label>
          ))}
          <p id={`${CREATE_FORM}-scopes-hint`} className="form-field__hint">
            {t.apiKeys.scopesHint}
          </p>
          {scopeErrors.length > 0 && (
            <p id={`${CREATE_FORM}-scopes-error`} className="form-field__error" data-testid="field-error">
              {scopeErrors.join(' ')}
            </p>
          )}
        </fieldset>
        <Field form={CREATE_FORM} name="expiresAt" label={t.apiKeys.expiresAt} errors={errors} hint={t.apiKeys.expiresHint}>
          {(p) => <input {...p} type="date" min={tomorrow} />}
        </Field>
      </div>
      <FormProblem errors={errors} rest={rest} />
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t.common.cancel}
        </button>
        <button type="submit" className="button button--primary" disabled={pending} data-testid="api-key-create-submit">
          {pending ? t.common.saving : t.apiKeys.createSubmit}
        </button>
      </div>
    </form>
  );
}

/** The one and only showing of a new key's secret. */
function SecretView({ created, onDone }: { created: CreatedApiKeyDto; onDone: () => void }) {
  const { t, name } = useI18n();
  const secretRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'copied' | 'failed'>();

  async function copySecret() {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopy('copied');
    } catch {
      // No clipboard (permissions, an insecure origin): select it so Ctrl+C works.
      secretRef.current?.select();
      setCopy('failed');
    }
  }

  return (
    <div className="secret">
      <p className="secret__warning" role="alert" data-testid="api-key-secret-warning">
        {t.apiKeys.secretWarning}
      </p>
      <p className="secret__key">
        <strong>{created.key.name}</strong> · {name(created.key.agency)} · <code>{created.key.prefix}…</code>
      </p>
      <label htmlFor="api-key-secret" className="secret__label">
        {t.apiKeys.secretLabel}
      </label>
      <div className="secret__row">
        <input
          id="api-key-secret"
          ref={secretRef}
          className="secret__value"
          type="text"
          readOnly
          value={created.secret}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
          data-testid="api-key-secret"
        />
        <button type="button" className="button" onClick={copySecret} data-testid="copy-secret">
          {t.apiKeys.copy}
        </button>
      </div>
      <p className="secret__copy" role="status">
        {copy === 'copied' ? t.apiKeys.copied : copy === 'failed' ? t.apiKeys.copyFailed : ''}
      </p>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onDone} data-testid="secret-done">
          {t.apiKeys.secretDone}
        </button>
      </div>
    </div>
  );
}

function RevokeConfirm({ apiKey, onCancel, onRevoked }: { apiKey: ApiKeyDto; onCancel: () => void; onRevoked: () => void }) {
  const { t, fmt } = useI18n();
  const revoking = useRevokeApiKey();
  const problem = revoking.error ?? undefined;
  const pending = revoking.isPending;

  function revoke() {
    revoking.mutate(apiKey.id, { onSuccess: onRevoked });
  }

  return (
    <div>
      <p>{fmt(t.apiKeys.revokeConfirm, { name: apiKey.name, prefix: apiKey.prefix })}</p>
      {problem && <ProblemView problem={problem} />}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel} autoFocus>
          {t.common.cancel}
        </button>
        <button type="button" className="button button--danger" onClick={revoke} disabled={pending} data-testid="api-key-revoke-confirm">
          {pending ? t.apiKeys.revoking : t.apiKeys.revokeSubmit}
        </button>
      </div>
    </div>
  );
}
