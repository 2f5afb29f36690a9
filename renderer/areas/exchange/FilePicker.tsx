import { useRef, useState, type DragEvent } from 'react';
import type { ImportPreview } from '../../../api/contract';
import { getApi } from '../../api/client';
import { useT } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { Panel } from '../../ui/Panel';
import { useAction } from '../../ui/useApiCall';
import { useFlash } from '../../ui/useFlash';
import { FieldRow } from '../../ui/FieldRow';

type Kind = ImportPreview['kind'];
const KINDS: Kind[] = ['cases', 'grids', 'staff', 'package'];
/** The loopback host takes 1 MB bodies; base64 makes a file a third bigger. */
const MAX_UPLOAD_BYTES = 700 * 1024;

function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  for (let i = 0; i < view.length; i += 0x8000)
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

interface Props {
  path: string;
  kind: Kind | 'auto';
  busy: boolean;
  onPath(path: string): void;
  onKind(kind: Kind | 'auto'): void;
  /** Preview the typed path, or (given) a file just uploaded. */
  onPreview(uploadedPath?: string): void;
}

/**
 * The file to import: a path on this machine (big files, packages, the usual way), or a small
 * file dropped here or picked, which is uploaded to a temporary file first.
 */
export function FilePicker({ path, kind, busy, onPath, onKind, onPreview }: Props) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [note, setNote] = useFlash();
  const upload = useAction();
  const [over, setOver] = useState(false);

  const take = async (file: File | undefined) => {
    if (!file || upload.working) return;
    upload.reset();
    const { uploadFile } = getApi();
    if (uploadFile) {
      // A seat on another machine: the file goes up whole, streamed, with its progress.
      const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
      setNote((t) =>
        t('exchange.pick.sending', { name: file.name, sent: '0.0', total: mb(file.size) }),
      );
      const sent = await upload.run(() =>
        uploadFile(file, (done, total) =>
          setNote((t) =>
            t('exchange.pick.sending', { name: file.name, sent: mb(done), total: mb(total) }),
          ),
        ),
      );
      setNote(null);
      if (sent) onPreview(sent.path);
      return;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      setNote((t) =>
        t('exchange.pick.tooLarge', { name: file.name, size: Math.round(file.size / 1024) }),
      );
      return;
    }
    setNote((t) => t('exchange.pick.uploading', { name: file.name }));
    const uploaded = await upload.run(async () =>
      getApi().call('exchange.upload', {
        fileName: file.name,
        contentBase64: toBase64(await file.arrayBuffer()),
      }),
    );
    setNote(null);
    if (uploaded) onPreview(uploaded.path);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void take(event.dataTransfer.files[0]);
  };

  return (
    <Panel title={t('exchange.pick.title')} className="exchange__pick">
      <div className="exchange__pick-body">
        <form
          className="exchange__path-row"
          onSubmit={(event) => {
            event.preventDefault();
            onPreview();
          }}
        >
          <FieldRow label={t('exchange.pick.pathLabel')} className="exchange__grow">
            <input
              type="text"
              value={path}
              onChange={(e) => onPath(e.target.value)}
              placeholder={t('exchange.pick.pathPlaceholder')}
              spellCheck={false}
              autoFocus
              data-testid="import-path"
            />
          </FieldRow>
          <FieldRow label={t('exchange.pick.kind')}>
            <select
              value={kind}
              onChange={(e) => onKind(e.target.value as Kind | 'auto')}
              data-testid="import-kind"
            >
              <option value="auto">{t('exchange.pick.kindAuto')}</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`exchange.kind.${k}`)}
                </option>
              ))}
            </select>
          </FieldRow>
          <button
            type="submit"
            className="button"
            disabled={busy || path.trim() === ''}
            data-testid="preview-button"
          >
            {t('exchange.pick.preview')} <kbd>Enter</kbd>
          </button>
        </form>
        <div
          className={`exchange__drop${over ? ' exchange__drop--over' : ''}`}
          role="button"
          tabIndex={0}
          onClick={() => input.current?.click()}
          onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && input.current?.click()}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          {note ?? t(getApi().uploadFile ? 'exchange.pick.dropSeat' : 'exchange.pick.drop')}
          <input
            ref={input}
            type="file"
            hidden
            accept=".xlsx,.csv,.tsv,.txt,.json,.geojson,.zip"
            onChange={(e) => void take(e.target.files?.[0])}
            data-testid="import-file-input"
          />
        </div>
        <p className="exchange__formats muted">{t('exchange.pick.formats')}</p>
        {upload.error ? <ErrorState error={upload.error} /> : null}
      </div>
    </Panel>
  );
}
