/**
 * A register's files on its screen (issue 14): the blank form (模板) and the register itself
 * as Excel, and for administrators a filled file imported:
 * checked whole first, refused by Excel row and column with nothing written, or written in
 * one go; "只导入有效行" then takes the valid rows of the same upload.
 */
import { useRef, useState } from 'react';
import type { ApiResult, FileRegister } from '../../../api/contract';
import { clientError } from '../../api/api-error';
import { getApi } from '../../api/client';
import { useLocale } from '../../i18n/locale-context';
import { fileAsBase64 } from '../../ui/attachment-base64';
import { downloadExportedFile } from '../../ui/download-file';
import { ErrorLine } from '../../ui/ErrorLine';
import { useAction } from '../../ui/useApiCall';

/** What the loopback host takes in one call (exchange.upload); larger files: the command line. */
const MAX_UPLOAD_BYTES = 700 * 1024;

export function RegisterFiles({
  register,
  mayImport,
}: {
  register: FileRegister;
  mayImport: boolean;
}) {
  const { t, locale } = useLocale();
  const action = useAction();
  const [report, setReport] = useState<ApiResult<'party.importRegister'> | null>(null);
  // The members' file is their roster (名册); the others are the register's own.
  const word = (key: 'template' | 'export' | 'import') =>
    t(register === 'members' ? `party.files.${key}` : `party.files.${key}Other`);
  const [uploaded, setUploaded] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  const download = (template: boolean) =>
    action.run(async () => {
      downloadExportedFile(
        await getApi().call('party.registerFile', {
          register,
          template,
          format: 'xlsx',
        }),
      );
    });
  const importFile = async (path: string, skipInvalid: boolean) => {
    const answer = await action.run(() =>
      getApi().call('party.importRegister', { register, path, skipInvalid }),
    );
    if (answer) {
      setReport(answer);
      if (answer.written) setUploaded(null);
    }
  };
  const onPick = async (file: File | undefined) => {
    if (!file) return;
    setReport(null);
    if (file.size > MAX_UPLOAD_BYTES)
      return action.fail(
        clientError(
          'roster_too_large',
          `${file.name} 超过 700 KB，不能从此处上传：请在本机用 griddesk import 文件 --kind ${register} 导入（同样先检查全部行）。`,
          `${file.name} is over 700 KB, too large to upload here: import it on this machine with griddesk import FILE --kind ${register} (every row is checked first there too).`,
        ),
      );
    const sent = await action.run(async () =>
      getApi().call('exchange.upload', {
        fileName: file.name,
        contentBase64: await fileAsBase64(file),
      }),
    );
    if (!sent) return;
    setUploaded(sent.path);
    await importFile(sent.path, false);
  };
  const sentence = (message: { zh: string; en: string }) =>
    locale === 'zh-CN' ? message.zh : message.en;

  return (
    <div className="register-files" data-testid="register-files">
      <button
        type="button"
        className="button"
        disabled={action.working}
        onClick={() => void download(true)}
        data-testid="register-template"
      >
        {word('template')}
      </button>
      <button
        type="button"
        className="button"
        disabled={action.working}
        onClick={() => void download(false)}
        data-testid="register-export"
      >
        {word('export')}
      </button>
      {mayImport ? (
        <>
          <button
            type="button"
            className="button"
            disabled={action.working}
            onClick={() => picker.current?.click()}
            data-testid="register-import"
          >
            {word('import')}
          </button>
          <input
            ref={picker}
            type="file"
            accept=".xlsx,.csv"
            hidden
            onChange={(e) => {
              void onPick(e.target.files?.[0]);
              e.target.value = '';
            }}
            data-testid="register-import-file"
          />
        </>
      ) : null}
      <ErrorLine error={action.error} testId="register-files-error" />
      {report ? (
        <div className="register-files__report" data-testid="register-import-report" role="status">
          <p>
            {t(report.written ? 'party.files.written' : 'party.files.refused', {
              file: report.file,
              rows: report.counts.rows,
              created: report.counts.new,
              updated: report.counts.updated,
              unchanged: report.counts.unchanged,
              invalid: report.counts.invalid,
            })}
          </p>
          {report.issues.length ? (
            <ul>
              {report.issues.slice(0, 8).map((issue, i) => (
                <li key={i}>
                  {t('party.files.issue', { row: issue.row, column: issue.column })}{' '}
                  {sentence(issue.message)}
                </li>
              ))}
              {report.issueCount > 8 ? (
                <li className="muted">
                  {t('party.files.moreIssues', { count: report.issueCount - 8 })}
                </li>
              ) : null}
            </ul>
          ) : null}
          {!report.written && uploaded ? (
            <button
              type="button"
              className="button"
              disabled={action.working}
              onClick={() => void importFile(uploaded, true)}
              data-testid="register-import-valid"
            >
              {t('party.files.importValid')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
