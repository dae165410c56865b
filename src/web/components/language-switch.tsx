import { Segmented } from 'antd';
import { type Lang, common, useI18n } from '../lib/i18n';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented
      size="small"
      aria-label={t(common.language)}
      data-testid="language-switch"
      value={lang}
      onChange={(v) => setLang(v as Lang)}
      options={[
        { value: 'zh', label: '中文' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
