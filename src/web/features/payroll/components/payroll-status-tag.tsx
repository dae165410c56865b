import { Tag } from 'antd';
import { PAY_STATUSES, PAYROLL_STATUSES } from '../../../../server/modules/payroll/payroll.rules';
import { useI18n } from '../../../lib/i18n';
import { labelOf } from '../../../lib/labels';

const PAYROLL_COLORS: Record<string, string> = { draft: 'default', approved: 'blue', paying: 'processing', paid: 'green', partially_paid: 'red', superseded: 'default' };
const PAY_COLORS: Record<string, string> = { unpaid: 'default', in_payment: 'processing', paid: 'green', failed: 'red', nothing_due: 'default' };

export function PayrollStatusTag({ status }: { status: string }) {
  const { lang } = useI18n();
  return (
    <Tag color={PAYROLL_COLORS[status] ?? 'default'} data-testid="payroll-status" data-status={status}>
      {labelOf(PAYROLL_STATUSES, status, lang)}
    </Tag>
  );
}

export function PayStatusTag({ status }: { status: string }) {
  const { lang } = useI18n();
  return (
    <Tag color={PAY_COLORS[status] ?? 'default'} data-testid="line-pay-status" data-status={status}>
      {labelOf(PAY_STATUSES, status, lang)}
    </Tag>
  );
}
