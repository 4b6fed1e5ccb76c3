import { useCallback, useEffect, useState } from 'react';
import { useUnsavedChanges } from '../components/unsaved-changes';
import type { CallResponse } from '../../../src-core/ipc/contract';
import { serverIdentity } from '../../../src-core/destinations/server-identity';
import { ProxyField, proxyText } from './proxy-field';
import { api } from '../courier-api';
import { errorText } from '../error-text';
import { useI18n } from '../i18n/i18n';
import { notesText } from '../localized-text';
import { ConnectionTest } from './connection-test';
import { SetupCheck } from './setup-check';
import { SecretSourceField } from './secret-source-field';
import { DestinationEditor } from './destination-editor/editor';

type Destination = CallResponse<'destinations:list'>['destinations'][number];
type Preset = CallResponse<'presets:list'>['presets'][number];
type Protocol = 'ftps' | 'ftps-implicit' | 'sftp' | 'ftp';

const protocols: readonly Protocol[] = ['ftps', 'ftps-implicit', 'sftp', 'ftp'];
const defaultPorts: Readonly<Record<Protocol, number>> = {
  ftps: 21,
  'ftps-implicit': 990,
  sftp: 22,
  ftp: 21,
};
const authKinds = ['password', 'key', 'key-and-password'] as const;

/**
 * Destinations: the configured drops, and a guided form to add or change one. With `setUp` (a
 * destination that is not set up yet, from the Send step) it opens straight on that one's form,
 * pre-filled from its preset, and hands the saved name back through `onSetUpDone`.
 */
export function DestinationsScreen(
  props: {
    setUp?: string;
    onSetUpDone?: (savedName: string | null) => void;
    /** Opens a file in the send flow (the editor's dummy-data file, to send it as a test). */
    onOpenFile?: (path: string) => void;
  } = {}
) {
  const i18n = useI18n();
  const { t } = i18n;
  const [list, setList] = useState<CallResponse<'destinations:list'> | null>(null);
  const [presets, setPresets] = useState<Preset[]>([]);
  const [editing, setEditing] = useState<{
    destination: Destination;
    previousName?: string;
  } | null>(null);
  const [choosing, setChoosing] = useState(false);
  // The destination whose columns and file format are open in the editor.
  const [editingFile, setEditingFile] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [keychain, setKeychain] = useState<{ code: string; message: string } | null>(null);
  // Export and import of destination files (main writes and reads them; secrets never in them).
  const [done, setDone] = useState<string | null>(null);
  const [importing, setImporting] = useState<{ path: string; name: string } | null>(null);
  const exportOne = (name: string) => {
    setError(null);
    setDone(null);
    api()
      .destinations.export({ name, dialogTitle: t('dest.exportTitle') })
      .then(({ path }) => path && setDone(t('dest.exported', { name, file: path })), setError);
  };
  const pickImport = () => {
    setError(null);
    setDone(null);
    api()
      .files.pick()
      .then(({ path }) => path && setImporting({ path, name: '' }), setError);
  };
  const importOne = () => {
    if (!importing) return;
    const name = importing.name.trim();
    api()
      .destinations.import({ path: importing.path, ...(name ? { name } : {}) })
      .then(({ destination }) => {
        setImporting(null);
        setDone(t('dest.imported', { name: destination.name }));
        load();
      }, setError);
  };

  const load = useCallback(() => {
    Promise.all([api().destinations.list(), api().presets.list(), api().keychain.status()]).then(
      ([destinations, presetList, status]) => {
        setList(destinations);
        setPresets(presetList.presets);
        setKeychain(
          status.usable
            ? null
            : {
                code: status.code ?? 'secrets.unavailable',
                message: status.message ?? status.backend,
              }
        );
      },
      failure => setError(failure)
    );
  }, []);
  useEffect(load, [load]);

  const { setUp } = props;
  // Only a form opened for the Send step goes back to it.
  const onSetUpDone = setUp ? props.onSetUpDone : undefined;
  useEffect(() => {
    if (!setUp) return;
    api()
      .destinations.get({ name: setUp })
      .then(
        got => {
          if (got.destination) setEditing({ destination: got.destination });
        },
        failure => setError(failure)
      );
  }, [setUp]);

  if (setUp && !editing) {
    return (
      <section className="screen" aria-labelledby="dest-title">
        <h1 id="dest-title" tabIndex={-1}>
          {t('dest.title')}
        </h1>
        {error !== null ? (
          <p className="notice notice--error" role="alert">
            {errorText(error, i18n)}
          </p>
        ) : (
          <p className="muted" role="status">
            {t('dest.form.opening')}
          </p>
        )}
      </section>
    );
  }

  if (editingFile) {
    return (
      <DestinationEditor
        name={editingFile}
        onSendFile={props.onOpenFile}
        onClose={() => {
          setEditingFile(null);
          load();
        }}
      />
    );
  }
  if (editing) {
    return (
      <section className="screen" aria-labelledby="dest-form-title">
        <DestinationForm
          initial={editing.destination}
          previousName={editing.previousName}
          onDone={() => {
            if (onSetUpDone) return onSetUpDone(null);
            setEditing(null);
            load();
          }}
          onSaved={onSetUpDone}
          backLabel={onSetUpDone ? t('dest.form.backToSend') : undefined}
          saveLabel={onSetUpDone ? t('dest.form.saveAndSend') : undefined}
        />
      </section>
    );
  }

  return (
    <section className="screen" aria-labelledby="dest-title">
      <div className="screen__header">
        <div>
          <h1 id="dest-title" tabIndex={-1}>
            {t('dest.title')}
          </h1>
          <p className="muted">{t('dest.intro')}</p>
        </div>
        <div className="screen__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => setChoosing(!choosing)}
            aria-expanded={choosing}
          >
            {t('dest.add')}
          </button>
          <button type="button" className="button" onClick={pickImport}>
            {t('dest.import')}
          </button>
        </div>
      </div>
      {importing && (
        <form
          className="card"
          aria-labelledby="dest-import-title"
          onSubmit={event => {
            event.preventDefault();
            importOne();
          }}
        >
          <h2 id="dest-import-title">{t('dest.import.title')}</h2>
          <p className="muted small mono">{t('dest.import.file', { file: importing.path })}</p>
          <label className="field">
            <span className="field__label">{t('dest.import.name')}</span>
            <input
              value={importing.name}
              maxLength={80}
              onChange={event => setImporting({ ...importing, name: event.target.value })}
            />
          </label>
          <div className="screen__actions" style={{ justifyContent: 'flex-start' }}>
            <button type="submit" className="button button--primary">
              {t('dest.import.submit')}
            </button>
            <button type="button" className="button" onClick={() => setImporting(null)}>
              {t('dest.import.cancel')}
            </button>
          </div>
        </form>
      )}
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      {keychain && <p className="notice notice--warn">{errorText(keychain, i18n)}</p>}
      {error !== null && (
        <p className="notice notice--error" role="alert">
          {errorText(error, i18n)}
        </p>
      )}

      {choosing && (
        <section aria-labelledby="dest-presets">
          <h2 id="dest-presets">{t('dest.choosePreset')}</h2>
          <div className="cards">
            {presets.map(p => (
              <button
                type="button"
                key={p.id}
                className="card card--choice"
                onClick={() => {
                  setChoosing(false);
                  setEditing({ destination: p.destination });
                }}
              >
                <strong>{p.id === 'generic' ? t('preset.generic.label') : p.label}</strong>
                <span className="muted small">{t(`preset.${p.id}`)}</span>
              </button>
            ))}
          </div>
        </section>
      )}

      {list && list.destinations.length === 0 && !choosing && (
        <p className="muted">{t('dest.none')}</p>
      )}
      {list?.problems.map(p => (
        <p key={p.file} className="notice notice--error">
          {errorText(p, i18n, { file: p.file })}
        </p>
      ))}
      {list && list.destinations.length > 0 && (
        <ul className="cards list" aria-label={t('dest.title')}>
          {list.destinations.map(d => (
            <li key={d.name} className="card destination-card">
              <h2>{d.name}</h2>
              <p className="muted mono small">
                {d.transport.protocol ?? '?'}://{d.transport.host || '—'}
                {d.transport.port ? `:${d.transport.port}` : ''}
                {d.folder}
              </p>
              <p className="muted small">
                {d.presetId === 'generic'
                  ? t('preset.generic.label')
                  : presets.find(p => p.id === d.presetId)?.label}
              </p>
              <div className="screen__actions" style={{ justifyContent: 'flex-start' }}>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setEditing({ destination: d, previousName: d.name })}
                >
                  {t('dest.edit')} <span className="visually-hidden">{d.name}</span>
                </button>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setEditingFile(d.name)}
                >
                  {t('editor.open')} <span className="visually-hidden">{d.name}</span>
                </button>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => exportOne(d.name)}
                >
                  {t('dest.export')} <span className="visually-hidden">{d.name}</span>
                </button>
                <button
                  type="button"
                  className="button button--small button--danger"
                  onClick={() => {
                    if (!window.confirm(t('dest.removeConfirm', { name: d.name }))) return;
                    // Main's destination service removes its secrets and mappings with it.
                    void api()
                      .destinations.remove({ name: d.name })
                      .then(load, failure => setError(failure));
                  }}
                >
                  {t('dest.remove')} <span className="visually-hidden">{d.name}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DestinationForm(props: {
  initial: Destination;
  previousName?: string;
  onDone: () => void;
  /** Set up from the Send step: called with the saved name, to go back to the file. */
  onSaved?: (name: string) => void;
  backLabel?: string;
  saveLabel?: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [d, setD] = useState<Destination>(props.initial);
  const [password, setPassword] = useState('');
  const [proxyPassword, setProxyPassword] = useState('');
  const [proxyInput, setProxyInput] = useState(proxyText(props.initial.transport.proxy));
  const [hasPassword, setHasPassword] = useState<boolean | null>(null);
  const [hasSecret, setHasSecret] = useState(false);
  // The server the saved secrets belong to: the destination as it was last saved.
  const [savedServer, setSavedServer] = useState(serverIdentity(props.initial.transport));
  const [keepSecret, setKeepSecret] = useState(false);
  const [publicKey, setPublicKey] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(props.previousName ?? null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  // The destination as last saved (or opened): leaving with anything else asks first.
  const [clean, setClean] = useState(() => JSON.stringify(props.initial));
  const guardLeave = useUnsavedChanges(
    JSON.stringify(d) !== clean || password !== '' || proxyPassword !== ''
  );
  const protocol = (d.transport.protocol ?? 'ftps') as Protocol;
  const auth = d.transport.auth ?? 'password';
  const usesKey = protocol === 'sftp' && auth !== 'password';
  // Another source than the keychain: the password is not typed (nor saved) here.
  const fromKeychain = (d.transport.secretSource?.kind ?? 'keychain') === 'keychain';
  const usesPassword = (auth !== 'key' || protocol !== 'sftp') && fromKeychain;
  // A saved password or key belongs to its server: after a change of protocol, host, port or
  // user the form asks for it again, or for an explicit "use it there too" (main asks once more).
  const serverChanged = saved !== null && hasSecret && serverIdentity(d.transport) !== savedServer;

  useEffect(() => {
    if (!saved) return;
    api()
      .secrets.has({ destination: saved })
      .then(
        has => {
          setHasPassword(has.password);
          setHasSecret(has.password || has.passphrase || has.privateKey);
        },
        () => setHasPassword(null)
      );
    api()
      .keys.public({ name: saved })
      .then(
        key => setPublicKey(key.publicKey),
        () => setPublicKey(null)
      );
  }, [saved]);

  const setTransport = (update: Partial<Destination['transport']>) =>
    setD({ ...d, transport: { ...d.transport, ...update } });

  const save = async () => {
    setError(null);
    setMessage(null);
    try {
      const result = await api().destinations.save({
        destination: d,
        previousName: saved ?? undefined,
        ...(serverChanged && keepSecret && !password ? { keepSecret: true } : {}),
      });
      const name = result.destination.name;
      if (password)
        await api().secrets.set({ destination: name, kind: 'password', value: password });
      if (proxyPassword)
        await api().secrets.set({
          destination: name,
          kind: 'proxy-password',
          value: proxyPassword,
        });
      setProxyPassword('');
      setPassword('');
      setKeepSecret(false);
      setD(result.destination);
      setClean(JSON.stringify(result.destination));
      setSavedServer(serverIdentity(result.destination.transport));
      if (serverChanged && !password && !keepSecret) setHasPassword(false);
      setSaved(name);
      setMessage(t('dest.form.saved'));
      props.onSaved?.(name);
    } catch (failure) {
      setError(failure);
    }
  };

  // A key pair the person already has (the platform may know its public key already).
  const [keyPassphrase, setKeyPassphrase] = useState('');
  const importKey = async () => {
    if (!saved) return;
    setError(null);
    try {
      const { path } = await api().files.pick();
      if (!path) return;
      const key = await api().keys.import({
        name: saved,
        path,
        ...(keyPassphrase ? { passphrase: keyPassphrase } : {}),
      });
      setPublicKey(key.publicKey);
      setKeyPassphrase('');
      setMessage(t('dest.keys.imported'));
    } catch (failure) {
      setError(failure);
    }
  };

  const generate = async () => {
    if (!saved) return;
    try {
      const key = await api().keys.generate({ name: saved, replace: publicKey !== null });
      setPublicKey(key.publicKey);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <>
      <div className="screen__header">
        <h1 id="dest-form-title" tabIndex={-1}>
          {saved ? t('dest.form.edit', { name: saved }) : t('dest.form.new')}
        </h1>
        <div className="screen__actions">
          <button type="button" className="button" onClick={() => guardLeave(props.onDone)}>
            {props.backLabel ?? t('common.back')}
          </button>
        </div>
      </div>
      {d.notes && <p className="notice">{notesText(d, t)}</p>}
      <form
        className="card form-grid"
        onSubmit={event => {
          event.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span className="field__label">{t('dest.form.name')}</span>
          <input
            required
            value={d.name}
            onChange={event => setD({ ...d, name: event.target.value })}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('dest.form.protocol')}</span>
          <select
            value={protocol}
            onChange={event => {
              const next = event.target.value as Protocol;
              setTransport({ protocol: next, port: defaultPorts[next] });
            }}
          >
            {protocols.map(p => (
              <option key={p} value={p}>
                {t(`dest.protocol.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          <label className="field__label" htmlFor="dest-host">
            {t('dest.form.host')}
          </label>
          <input
            id="dest-host"
            value={d.transport.host ?? ''}
            required
            aria-describedby="dest-host-hint"
            onChange={event => setTransport({ host: event.target.value.trim() })}
          />
          <span id="dest-host-hint" className="field__hint">
            {t('dest.form.hostHint')}
          </span>
        </div>
        <label className="field">
          <span className="field__label">{t('dest.form.port')}</span>
          <input
            type="number"
            min={1}
            max={65535}
            value={d.transport.port ?? defaultPorts[protocol]}
            onChange={event => setTransport({ port: Number(event.target.value) || undefined })}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('dest.form.user')}</span>
          <input
            value={d.transport.user ?? ''}
            required
            onChange={event => setTransport({ user: event.target.value })}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('dest.form.folder')}</span>
          <input value={d.folder} onChange={event => setD({ ...d, folder: event.target.value })} />
        </label>
        {protocol === 'sftp' && (
          <label className="field">
            <span className="field__label">{t('dest.form.auth')}</span>
            <select
              value={auth}
              onChange={event =>
                setTransport({ auth: event.target.value as (typeof authKinds)[number] })
              }
            >
              {authKinds.map(a => (
                <option key={a} value={a}>
                  {t(`dest.auth.${a}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <SecretSourceField
          sftp={protocol === 'sftp'}
          value={d.transport.secretSource}
          onChange={secretSource =>
            setTransport({
              secretSource,
              // An agent or a key file signs in with a key.
              ...((secretSource?.kind === 'ssh-agent' || secretSource?.kind === 'key-file') &&
              auth === 'password'
                ? { auth: 'key' as const }
                : {}),
            })
          }
        />
        {usesPassword && (
          <div className="field">
            <label className="field__label" htmlFor="dest-password">
              {t('dest.form.password')}
            </label>
            <input
              id="dest-password"
              type="password"
              autoComplete="new-password"
              value={password}
              required={serverChanged && !keepSecret}
              aria-describedby="dest-password-hint"
              onChange={event => setPassword(event.target.value)}
            />
            <span id="dest-password-hint" className="field__hint">
              {serverChanged
                ? t('dest.form.passwordOtherServer')
                : hasPassword
                  ? t('dest.form.passwordSaved')
                  : t('dest.form.passwordNone')}
            </span>
          </div>
        )}
        {serverChanged && (
          <label className="checkbox" style={{ gridColumn: '1 / -1' }}>
            <input
              type="checkbox"
              checked={keepSecret}
              disabled={password !== ''}
              onChange={event => setKeepSecret(event.target.checked)}
            />
            <span>{t('dest.form.keepSecret')}</span>
          </label>
        )}
        <ProxyField
          text={proxyInput}
          password={proxyPassword}
          onText={(text, proxy) => {
            setProxyInput(text);
            if (proxy !== null) setTransport({ proxy });
          }}
          onPassword={setProxyPassword}
        />
        {Object.keys(d.variables).map(variable => (
          <label className="field" key={variable}>
            <span className="field__label">{t('dest.form.variable', { name: variable })}</span>
            <input
              value={d.variables[variable] ?? ''}
              onChange={event =>
                setD({ ...d, variables: { ...d.variables, [variable]: event.target.value } })
              }
            />
          </label>
        ))}
        {(d.transport.hostKey || d.transport.tlsFingerprint) && (
          <div className="field" style={{ gridColumn: '1 / -1' }}>
            <span className="field__label">{t('dest.fingerprint')}</span>
            <span className="mono small">{d.transport.hostKey ?? d.transport.tlsFingerprint}</span>
          </div>
        )}
        <div
          className="screen__actions"
          style={{ gridColumn: '1 / -1', justifyContent: 'flex-start' }}
        >
          <button type="submit" className="button button--primary">
            {props.saveLabel ?? t('dest.form.save')}
          </button>
          {message && (
            <span className="muted" role="status">
              {message}
            </span>
          )}
        </div>
      </form>
      {error !== null && (
        <p className="notice notice--error" role="alert">
          {errorText(error, i18n)}
        </p>
      )}

      {saved && usesKey && (
        <section className="card" aria-labelledby="dest-keys">
          <h2 id="dest-keys">{t('dest.keys.title')}</h2>
          {publicKey ? (
            <>
              <label className="field">
                <span className="field__label">{t('dest.keys.public')}</span>
                <textarea readOnly value={publicKey} className="mono small" />
              </label>
              <div
                className="screen__actions"
                style={{ justifyContent: 'flex-start', marginTop: 8 }}
              >
                <button
                  type="button"
                  className="button"
                  onClick={() =>
                    void navigator.clipboard.writeText(publicKey).then(
                      () => setMessage(t('dest.keys.copied')),
                      failure => setError(failure)
                    )
                  }
                >
                  {t('dest.keys.copy')}
                </button>
              </div>
            </>
          ) : (
            <>
              <p className="muted">{t('dest.keys.none')}</p>
              <button type="button" className="button" onClick={() => void generate()}>
                {t('dest.keys.generate')}
              </button>
            </>
          )}
          <div className="form-grid" style={{ marginTop: 12 }}>
            <label className="field">
              <span className="field__label">{t('dest.keys.passphrase')}</span>
              <input
                type="password"
                autoComplete="off"
                value={keyPassphrase}
                onChange={event => setKeyPassphrase(event.target.value)}
              />
            </label>
            <div className="field" style={{ alignSelf: 'end' }}>
              <button type="button" className="button" onClick={() => void importKey()}>
                {t('dest.keys.import')}
              </button>
            </div>
          </div>
        </section>
      )}

      {saved && <SetupCheck name={saved} />}
      {saved && <ConnectionTest name={saved} onPinned={setD} />}
    </>
  );
}
