import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload, type UploadFile } from 'antd';
import { errorText } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { wm } from '../worker-messages';

export const MAX_EVIDENCE_FILES = 10;
const ACCEPT = 'image/jpeg,image/png,application/pdf';

/** The ids of the files that finished uploading, to send as `fileIds`; null while one is still uploading. */
export const uploadedIds = (files: UploadFile[]): string[] | null =>
  files.some((f) => f.status === 'uploading') ? null : files.filter((f) => f.status === 'done' && f.response?.id).map((f) => f.response.id as string);

/** 证据: photos and scans uploaded one by one as they are chosen (jpg, png, pdf; the server checks the type and size). */
export function EvidenceUpload({ files, onChange, upload }: { files: UploadFile[]; onChange: (files: UploadFile[]) => void; upload: (file: Blob) => Promise<{ id: string }> }) {
  const { t, lang } = useI18n();
  return (
    <Upload
      accept={ACCEPT}
      listType="text"
      maxCount={MAX_EVIDENCE_FILES}
      fileList={files}
      onChange={({ fileList }) => onChange(fileList)}
      customRequest={({ file, onSuccess, onError }) => {
        upload(file as Blob).then((r) => onSuccess?.(r), (e: unknown) => onError?.(new Error(errorText(e, lang))));
      }}
    >
      <Button icon={<UploadOutlined />} disabled={files.length >= MAX_EVIDENCE_FILES}>
        {t(wm.upload)}
      </Button>
    </Upload>
  );
}
