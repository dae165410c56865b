import { App, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { casePath } from '../../../config/paths';
import { errorText } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useWarningToCase } from '../api/warning-to-case';
import { m } from '../messages';

/** 转为案件: opens (or finds) the case for this warning and goes to it. */
export function ToCaseButton({ warningId }: { warningId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const toCase = useWarningToCase(warningId);
  return (
    <Button
      loading={toCase.isPending}
      onClick={() =>
        toCase.mutate(undefined, {
          onSuccess: (r) => {
            if (r.duplicate) message.info(t(m.caseExists));
            if (r.caseId) navigate(casePath(r.caseId));
          },
          onError: (err) => message.error(errorText(err, lang)),
        })
      }
      data-testid="warning-to-case"
    >
      {t(m.toCase)}
    </Button>
  );
}
