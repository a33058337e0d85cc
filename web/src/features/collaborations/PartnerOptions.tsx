import { useAgencyChoices } from '../agencies/AgencyChoice';
import { useClusterChoices } from '../issues/IssueChoices';
import { useCollaborationsI18n } from './i18n';

/** The options of a partner choice: clusters first ("cluster:code"), then agencies ("agency:code"). */
export function PartnerOptions() {
  const { t } = useCollaborationsI18n();
  const clusters = useClusterChoices();
  const agencies = useAgencyChoices();
  return (
    <>
      <optgroup label={t.collaboration.clustersGroup}>
        {(clusters.data ?? []).map((c) => (
          <option key={c.code} value={`cluster:${c.code}`}>
            {c.label}
          </option>
        ))}
      </optgroup>
      <optgroup label={t.collaboration.agenciesGroup}>
        {(agencies.data ?? []).map((a) => (
          <option key={a.code} value={`agency:${a.code}`}>
            {a.label}
          </option>
        ))}
      </optgroup>
    </>
  );
}
