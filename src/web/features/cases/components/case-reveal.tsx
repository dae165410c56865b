import { RevealFieldModal } from '../../../components/reveal-field-modal';
import { useI18n } from '../../../lib/i18n';
import { revealCasePhone } from '../api/reveal-case-phone';
import { m } from '../messages';

export type RevealTarget = { name: string } & ({ clueId: string } | { caseWorkerId: string });

/** A complainant's or a listed worker's full phone number, through the audited reveal; nothing cached. */
export function CasePhoneReveal({ caseId, target, onClose }: { caseId: string; target: RevealTarget | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <RevealFieldModal<'phone'>
      open={target !== null}
      title={t(m.revealTitle, { name: target?.name ?? '' })}
      fields={[{ value: 'phone', label: t(m.phoneField) }]}
      initial="phone"
      reveal={async ({ field, reason }) => {
        if (!target) return { field, value: null };
        const r = await revealCasePhone(caseId, { ...('clueId' in target ? { clueId: target.clueId } : { caseWorkerId: target.caseWorkerId }), reason });
        return { field, value: r.phone };
      }}
      onClose={onClose}
    />
  );
}
