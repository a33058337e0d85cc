import { useState } from 'react';
import type { AgencyKind, Role } from '../../api/client';
import { ROLES, isOneOf } from '../../api/enums';
import { useI18n } from '../../i18n';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { agencyChoicesQuery } from './api';
import { Field, type FieldErrors } from '../../ui/Form';

export interface AgencyChoice {
  code: string;
  label: string;
  kind: AgencyKind;
}

/**
 * Active agencies for a select, sorted by name in the current language.
 * REVIEW: one page of 200 is every agency the council has today (17); a search box replaces this
 * select when the registry grows past that.
 */
export function useAgencyChoices(): UseQueryResult<AgencyChoice[]> {
  const { name, locale } = useI18n();
  return useQuery({
    ...agencyChoicesQuery(),
    select: (page) =>
      page.items.map((agency) => ({ code: agency.code, label: name(agency), kind: agency.kind })).sort((a, b) => a.label.localeCompare(b.label, locale)),
  });
}

/** The agency kind a role must belong to (mirrors the API's rule; the API has the last word). */
export function requiredAgencyKind(role: Role): AgencyKind | undefined {
  if (role === 'ministry_reviewer') return 'ministry';
  if (role === 'cluster_operator') return 'cluster_operator';
  return undefined;
}

interface RoleAgencyFieldsProps {
  form: string;
  errors: FieldErrors;
  defaultRole: Role;
  defaultAgencyCode?: string;
  /** Locks the role (an administrator editing their own account cannot demote themselves). */
  roleLocked?: boolean;
}

/**
 * A role select and the agency select that depends on it: a ministry reviewer picks a ministry, a
 * cluster operator an operating agency; other roles may leave it empty.
 */
export function RoleAgencyFields({ form, errors, defaultRole, defaultAgencyCode, roleLocked }: RoleAgencyFieldsProps) {
  const { t } = useI18n();
  const choices = useAgencyChoices();
  const [role, setRole] = useState<Role>(defaultRole);
  const [agencyCode, setAgencyCode] = useState(defaultAgencyCode ?? '');
  const kind = requiredAgencyKind(role);
  const all = choices.data ?? [];
  const options = kind ? all.filter((agency) => agency.kind === kind) : all;
  // Keep the current value visible even before the list arrives (or if it is no longer offered).
  if (agencyCode && !options.some((o) => o.code === agencyCode)) {
    options.unshift(all.find((o) => o.code === agencyCode) ?? { code: agencyCode, label: agencyCode, kind: 'other' });
  }
  const hint = role === 'ministry_reviewer' || role === 'cluster_operator' ? t.users.agencyFor[role] : t.users.agencyFor.other;

  return (
    <>
      <Field form={form} name="role" label={t.fields.role} errors={errors} required>
        {(p) => (
          <select
            {...p}
            value={role}
            disabled={roleLocked}
            onChange={(event) => {
              if (!isOneOf(ROLES, event.target.value)) return;
              const next = event.target.value;
              setRole(next);
              // An agency of the wrong kind for the new role would only be refused.
              const nextKind = requiredAgencyKind(next);
              if (nextKind && !all.some((a) => a.code === agencyCode && a.kind === nextKind)) setAgencyCode('');
            }}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t.roles[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {/* A disabled select is not submitted: keep the locked role in the form data. */}
      {roleLocked && <input type="hidden" name="role" value={role} />}
      <Field form={form} name="agencyCode" label={t.fields.agency} errors={errors} required={kind !== undefined} hint={hint}>
        {(p) => (
          <select {...p} value={agencyCode} onChange={(event) => setAgencyCode(event.target.value)} data-testid="agency-select">
            <option value="">{kind ? t.users.chooseAgency : t.users.noAgency}</option>
            {options.map((agency) => (
              <option key={agency.code} value={agency.code}>
                {agency.label}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
