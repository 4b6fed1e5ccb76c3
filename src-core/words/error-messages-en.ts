import type { ErrorFallbackKey, ErrorMessageKey } from '../error-codes';
import type { Message } from './message';

/**
 * A sentence for every error code of core's list (a missing or misspelt one fails the typecheck),
 * and a fallback (`.general`) where the sentence names something the error may not carry.
 */
type ErrorMessages = Record<ErrorMessageKey, Message> & Partial<Record<ErrorFallbackKey, Message>>;

/**
 * English error messages, one per error code that can reach the user (part of the English
 * catalogue, see en.ts). Keys are `error.<code>`; a `{param}` names the file, server, folder…
 * the error is about (see `params` on CourierError).
 */
export const enErrorMessages = {
  'error.auth.key-missing':
    'The private key file “{file}” cannot be read. Check that it is still there, or choose another key file.',
  'error.auth.key-missing.general':
    'This destination logs in with a private key, and none is set. Import or choose the key in the destination.',
  'error.auth.key-unreadable':
    'The private key could not be read. Check the key file and its passphrase.',
  'error.auth.login-failed':
    'The server refused the login. Check the user name and the password or key.',
  'error.auth.password-missing':
    'This destination logs in with a password, and none is set. Enter the password in the destination.',
  'error.cancelled': 'Cancelled.',
  'error.connection.lost': 'The connection was cut. Try again.',
  'error.connection.no-answer': 'The server did not answer within {seconds} seconds.',
  'error.connection.name-not-found':
    'The server name could not be found. Check the host name, or your internet connection.',
  'error.connection.refused':
    'The server refused the connection. Check the port number, or ask the provider whether the server is up.',
  'error.connection.timeout':
    'The server did not answer in time. A firewall may be blocking the connection.',
  'error.connection.tls-failed':
    'The secure (TLS) connection could not be set up. Check whether the server uses explicit or implicit FTPS, and the port.',
  'error.connection.tls-required':
    'The server refused the secure login settings. Ask the provider which FTPS settings it expects.',
  'error.connection.unreachable':
    'The server cannot be reached from this network. Check your internet connection.',
  'error.proxy.unreachable': 'The proxy {proxy} cannot be reached. Check its address and port.',
  'error.proxy.auth-failed':
    'Proxy refused: {detail}. Check the proxy user and password of this destination ({proxy}).',
  'error.proxy.refused':
    'The proxy {proxy} refused to connect to {server}. Ask your network administrator whether it lets connections to this server and port through.',
  'error.proxy.password-missing':
    'This destination’s proxy logs in as {user}, and no proxy password is set. Enter it in the destination.',
  'error.proxy.timeout': 'The proxy {proxy} did not answer in time.',
  'error.destination.dummy-data-invalid':
    'Courier could not invent values that “{name}” accepts. Check its column rules and fixed values.',
  'error.destination.exists': 'A destination called “{name}” already exists. Choose another name.',
  'error.destination.header-delimiter':
    'A column name of this destination contains the separator, which this file format cannot hold. Rename the column in the destination.',
  'error.destination.header-unencodable':
    'A column name of this destination contains a character its file encoding cannot write. Rename the column or change the encoding.',
  'error.destination.folder-invalid':
    'The remote folder cannot contain invisible characters such as a line break or a tab. Type it again.',
  'error.destination.host-invalid':
    'The server name (host) cannot contain spaces or invisible characters such as a line break or a tab. Type it again.',
  'error.destination.field-empty': 'This field cannot be empty.',
  'error.destination.field-invalid':
    'This value is not valid here. Check it against what the platform asked for.',
  'error.destination.column-twice':
    'The column “{column}” appears twice. Give each column its own name.',
  'error.destination.not-a-column': '“{column}” is not one of this destination’s columns.',
  'error.destination.variable-missing':
    'The file name needs a value for “{variable}”. Enter it before saving.',
  'error.destination.invalid':
    'This destination is not valid. Check its settings and save it again.',
  'error.destination.not-configured':
    'The destination “{name}” has no complete connection settings yet. Set its server, user and password or key first.',
  'error.destination.not-found':
    'There is no destination called “{name}”. Choose one from the list.',
  'error.destination.not-found.general':
    'This destination no longer exists. Choose one from the list.',
  'error.destination.sample-empty':
    'This sample file has no column names in its first row. Choose the vendor’s sample with its header.',
  'error.destination.setting-invalid':
    'The setting “{setting}” cannot take “{value}”: it must be {values}.',
  'error.destination.setting-unknown': 'There is no setting “{setting}”.',
  'error.destination.user-invalid':
    'The user name cannot contain invisible characters such as a line break or a tab. Type it again.',
  'error.destination.unreadable':
    'The destination file “{file}” cannot be read. Check its permissions.',
  'error.files.in-use':
    '“{file}” is open in another program, or may not be replaced. Close it, or choose another name.',
  'error.files.source-gone':
    'The rows left out by this send are no longer kept, so there is nothing to copy.',
  'error.files.not-chosen':
    'Courier only opens files you choose or drop on its window, and “{file}” was not one of them. Choose it again.',
  'error.files.disk-full':
    'The disk holding “{folder}” is full. Free some space or choose another place.',
  'error.files.folder-missing':
    'The folder “{folder}” does not exist any more. Choose another place.',
  'error.files.no-free-name':
    'Courier found no free name for “{file}” in “{folder}”. Choose another folder.',
  'error.files.not-found':
    'Courier cannot find “{file}” any more. It may have been moved or deleted.',
  'error.files.pick-unavailable':
    'Courier cannot show a file chooser here. Drag the file onto the window instead.',
  'error.files.save-denied': 'Courier may not write to “{folder}”. Choose another folder.',
  'error.fix.unknown-column':
    'A correction refers to a column this destination does not have. Check the corrections, then try again.',
  'error.ftps.session-reuse-failed':
    'The server asks for TLS session reuse on data connections and refused Courier’s. Test the connection: Courier will try TLS 1.2.',
  'error.input.dummy-rows': 'The number of dummy rows must be a whole number from 1 to {max}.',
  'error.input.stdin-empty':
    'No password or passphrase arrived on standard input. Pipe it in, one line per secret.',
  'error.input.stdin-too-large': 'Standard input is too large to hold a password or passphrase.',
  'error.internal.unexpected':
    'Something unexpected went wrong. Try again; if it keeps happening, tell your IT colleague.',
  'error.ipc.invalid-request':
    'Courier’s window sent a request it could not understand (“{channel}”). Restart Courier and try again.',
  'error.ipc.unknown-channel':
    'Courier does not know the request “{channel}”. Restart Courier and try again.',
  'error.ipc.untrusted-sender': 'This request did not come from a Courier window and was refused.',
  'error.jobs.already-running': 'This job is running already. Wait for it to finish.',
  'error.jobs.serve-running':
    'Courier is already running the scheduled jobs of this settings folder (“courier jobs serve”). Only one may run at a time: stop that one first.',
  'error.jobs.folder-missing':
    'The watched folder “{folder}” does not exist (any more). Check the job’s source folder.',
  'error.jobs.folder-unreadable':
    'Courier may not read the watched folder “{folder}”. Check its permissions.',
  'error.jobs.invalid': 'This job is not complete. Check every field, then save it again.',
  'error.jobs.invalid-mapping':
    'The mapping file of this job is not valid. Save the mapping again from the app.',
  'error.jobs.invalid-pattern':
    'The file pattern “{pattern}” has an unclosed “{”. Close it with “}”.',
  'error.jobs.name-taken': 'A job called “{name}” already exists. Choose another name.',
  'error.jobs.not-found': 'There is no job called “{name}”.',
  'error.jobs.not-found.general': 'This job no longer exists.',
  'error.jobs.nothing-new-for-days':
    'Nothing new has come for the job “{job}” for {days} days (since {day}). Check that the export it waits for is still made.',
  'error.jobs.source-missing': 'The file this job sends is not there. Check the job’s source.',
  'error.jobs.unreadable':
    'The saved jobs in “{file}” cannot be read. Ask your IT colleague to check the file.',
  'error.keys.exists':
    '“{name}” already has a private key in the keychain. Choose another name, or replace it on purpose.',
  'error.keys.generate-failed': 'Courier could not make a key pair. Try again.',
  'error.keys.no-file': 'There is no key file at “{file}”. Choose the private key file again.',
  'error.keys.no-file.general': 'Choose a private key file or paste the key text.',
  'error.keys.none':
    'There is no private key called “{name}” in the keychain. Generate one or import one.',
  'error.keys.not-private':
    'This is a public key. Courier needs the private key (usually the same file name without “.pub”).',
  'error.keys.passphrase-needed':
    'This private key is protected by a passphrase. Give its passphrase too.',
  'error.keys.unreadable':
    'This is not a private key Courier can read. Use an OpenSSH or PEM private key file (the one without “.pub”).',
  'error.keys.wrong-passphrase':
    'The passphrase does not open this private key. Check it and try again.',
  'error.mapping.invalid':
    'The mapping file “{file}” is not valid. Save the mapping again from the app.',
  'error.mapping.not-found': 'There is no mapping file at “{file}”.',
  'error.mapping.unknown-column':
    'The saved mapping uses a column this file does not have. Check the columns, then try again.',
  'error.mapping.unknown-target':
    'The saved mapping names a column this destination does not have. Check the columns, then try again.',
  'error.output.file-too-large':
    'The file “{file}” is larger than {destination} allows per file. Lower the rows per file so each file is smaller.',
  'error.read.bad-window': 'Rows {start}–{end} are not a valid range of rows.',
  'error.read.changed': '“{file}” changed on disk while Courier was reading it. Open it again.',
  'error.read.disk-full':
    'There is not enough disk space to read “{file}” (the temporary folder “{folder}” is full). Free some space and try again.',
  'error.read.empty-file': '“{file}” is empty.',
  'error.read.header-row-out-of-range':
    'The header row {row} does not exist in “{file}”. Choose a line that holds the column names.',
  'error.read.line-too-long':
    '“{file}” has a line far too long to be a row of contacts. It may not be a real export, or a quote may never be closed.',
  'error.read.no-data': '“{file}” has a header but no rows.',
  'error.read.not-a-file': '“{file}” is a folder, not a file. Choose the export file inside it.',
  'error.read.not-found': 'Courier cannot find “{file}”. It may have been moved or deleted.',
  'error.read.not-open': 'This file is no longer open. Open it again.',
  'error.read.not-text':
    '“{file}” is not a table Courier can read. Export it again as CSV or Excel.',
  'error.read.permission-denied':
    'Courier is not allowed to read “{file}”. Ask your IT colleague for access, or copy the file somewhere else first.',
  'error.read.sheet-empty': 'Every sheet of “{file}” is empty: there is no data to read.',
  'error.read.sheet-not-found': '“{file}” has no sheet named “{sheet}”.',
  'error.read.sheet-not-found.general':
    '“{file}” does not have the sheet that was chosen. Choose another sheet.',
  'error.read.too-large': '“{file}” is too large for Courier to read.',
  'error.read.too-many-columns':
    '“{file}” has {columns} columns; Courier reads at most {max}. Check the separator, or remove unused columns.',
  'error.read.too-many-columns.general':
    '“{file}” has too many columns; Courier reads at most {max}. Check the separator, or remove unused columns.',
  'error.read.too-slow':
    'Reading “{file}” took too long and was stopped. The file may be damaged or far larger than a contact export.',
  'error.read.unclosed-quote':
    'In “{file}”, a quote (") in the row on line {line} is never closed, so everything after it would be read as one value. Close or remove that quote, or export the file again.',
  'error.read.workbook-corrupt':
    '“{file}” looks like an Excel workbook but it is damaged. Open it in Excel and save it again, or export it as CSV.',
  'error.read.workbook-encrypted':
    '“{file}” is protected with a password. Save a copy without the password and try again.',
  'error.read.zip-bomb':
    'The zip file “{file}” expands to an unreasonable size and was not opened.',
  'error.read.zip-corrupt': 'The zip file “{file}” is damaged and cannot be opened.',
  'error.read.zip-empty': 'The zip file “{file}” holds no file to read.',
  'error.read.zip-encrypted':
    'The zip file “{file}” is protected with a password. Unzip it yourself and choose the file inside.',
  'error.read.zip-several-files':
    'The zip “{file}” holds several files. Put only one export in it.',
  'error.read.zip-unsupported':
    'The zip file “{file}” holds a file that is not a CSV, TSV, TXT, XLS or XLSX file. Unzip it and choose the export.',
  'error.reports.damaged':
    'The report “{file}” arrived damaged (it is not a complete zip). It was not kept; try again later.',
  'error.reports.ledger-damaged':
    'The list of downloaded reports ({file}) cannot be read. Move it away to start a new one.',
  'error.reports.none': 'Digitaleo keeps no reports for {name} on its server.',
  'error.reports.not-digitaleo':
    '{name} is not a Digitaleo destination: only Digitaleo keeps reports to download.',
  'error.refused.not-refused':
    'The platform did not refuse this send’s file, so there is no refused file to download.',
  'error.refused.gone':
    'Digitaleo no longer keeps the refused file of this send in its ko folder ({folder}) for {name}.',
  'error.refused.damaged':
    'The refused file “{file}” arrived incomplete. Nothing was kept; try again.',
  'error.history.run-not-found':
    'There is no run “{id}” in the history (it may be older than the history keeps).',
  'error.receipt.bad-day': 'A day is written YYYY-MM-DD (got “{day}”).',
  'error.receipt.no-reports': 'Digitaleo has no reports for {day} (they are kept for seven days).',
  'error.schedule.invalid-time': 'This time is not valid. Write it like 07:30.',
  'error.schedule.missing-time':
    'Say at what time the job should run, for example “every weekday at 07:30”.',
  'error.schedule.not-understood':
    'Courier does not understand this schedule. Write it like “every weekday at 07:30”.',
  'error.schedule.out-of-range':
    'A number in this schedule is out of range. Check the days and times.',
  'error.schedule.unknown-time-zone':
    'Courier does not know this time zone. Choose one from the list.',
  'error.secrets.agent-missing':
    'No SSH agent is reachable (SSH_AUTH_SOCK is not set or points to nothing). Start ssh-agent and add the key with ssh-add.',
  'error.secrets.command-failed':
    'The password command {program} did not give a password. Run it yourself to see why, then try again.',
  'error.secrets.command-timed-out':
    'The password command {program} did not finish within {seconds} seconds. Check that it does not wait for an answer.',
  'error.secrets.credential-missing':
    'The systemd credential “{name}” cannot be read. Check the LoadCredential= or LoadCredentialEncrypted= line of the service.',
  'error.secrets.key-file-open':
    'The private key file {file} can be read by other people on this computer, so Courier refuses to use it (as OpenSSH does). Make it yours only (chmod 600).',
  'error.secrets.variable-missing':
    'The environment variable {variable} that holds this destination’s secret is not set.',
  'error.secrets.keep-not-confirmed':
    'The saved password of “{name}” was not given to {server}. Enter the password for the new server.',
  'error.secrets.locked':
    'Your system keychain is locked. Unlock it (it may be asking for your password), then try again.',
  'error.secrets.name-taken':
    'The keychain already holds secrets for “{name}”. Remove that destination first, or choose another name.',
  'error.secrets.no-name':
    'A password or key needs the name of the destination it belongs to. Name the destination first.',
  'error.secrets.other-server':
    'The saved password of “{name}” was entered for another server. Courier does not send it to {server}: enter the password for this server.',
  'error.secrets.refused':
    'Your system keychain refused the request. Check that Courier may use it, then try again.',
  'error.secrets.timeout':
    'Your system keychain did not answer. If it is asking for your password, answer it, then try again.',
  'error.secrets.unavailable':
    'Courier cannot reach your system keychain, so it cannot save or read passwords. Ask your IT colleague to check it. Courier never keeps passwords in a file.',
  // Related files sent with the main one, all or none (BlueConic's profiles, orders, products).
  'error.related.file-needed':
    '{destination} sends its “{set}” file with the main file: give it (--related {set}=FILE). Nothing was sent.',
  'error.related.not-set-up':
    '{destination} has no related file called “{set}”. Set it up first in the destination’s settings.',
  'error.related.option-invalid': '“{value}” is not NAME=FILE (for example orders=orders.csv).',
  'error.related.held':
    'The {set} file “{file}” cannot be sent as it is, so none of the files was sent. Check it, fix it, then send again.',
  // Call recordings sent with the records (EvaluAgent).
  'error.recordings.folder-needed':
    '{destination} receives the call recordings with the records: choose the folder the recordings are in.',
  'error.recordings.not-set-up':
    '{destination} is not set up to receive recordings: choose the column that names them in its settings first.',
  'error.recordings.folder-unreadable':
    'Courier cannot open the recordings folder “{folder}”. Check that it exists and that you may read it.',
  'error.recordings.not-all-there': {
    one: '{count} row names a recording that is not in the folder yet. The file is sent with its recordings once they are all there.',
    other:
      '{count} rows name recordings that are not in the folder yet. The file is sent with its recordings once they are all there.',
  },
  'error.recordings.still-arriving': {
    one: '{count} recording is still being written. The file is sent with its recordings once they are complete.',
    other:
      '{count} recordings are still being written. The file is sent with its recordings once they are complete.',
  },
  'error.recordings.same-name':
    'Two recordings are named “{file}” and both would land in the same remote folder. Rename one of them.',
  'error.recordings.column-missing':
    '{destination} names each row’s recording in “{column}”, a column this file does not send. Choose the column for it, or change the recordings setting.',
  'error.send.busy': 'A file is being sent already. Wait for it to finish, or cancel it.',
  'error.send.header-changed':
    'The columns of this export changed since the mapping was saved ({columns}). Check the mapping, then send again.',
  'error.send.header-changed.general':
    'The columns of this export changed since the mapping was saved. Check the mapping, then send again.',
  'error.send.nothing-to-send': 'No row is left to send.',
  'error.send.rows-have-errors': {
    one: '{count} row has a problem the destination would refuse. Fix it, or choose to leave out the invalid rows.',
    other:
      '{count} rows have problems the destination would refuse. Fix them, or choose to leave out the invalid rows.',
  },
  'error.send.rows-have-errors.general':
    'Some rows have problems the destination would refuse. Fix them, or choose to leave out the invalid rows.',
  // Settings files that cannot be read or written (kept, never written over; see settings-file.ts).
  'error.settings.read-only':
    'Courier may not write in its settings folder “{folder}” (it is read-only or locked). Nothing was saved. Make the folder writable, or choose another one.',
  'error.settings.disk-full':
    'The disk holding Courier’s settings folder “{folder}” is full. Nothing was saved. Free some space, then try again.',
  'error.settings.not-a-folder':
    'Courier’s settings folder “{folder}” is not a folder (a file is in its place). Nothing was saved. Move that file away, or choose another folder.',
  'error.settings.unreadable':
    'Courier cannot read its settings file “{file}”: something else is in its place, or Courier may not open it. Ask your IT colleague to check the file.',
  'error.settings.damaged':
    'Courier could not read its settings file “{file}”. It kept the file as “{kept}”, untouched, and saved a new one; check your settings.',
  'error.transfer.ledger-unreadable':
    'Courier cannot read line {line} of its record of the files already sent (“{file}”), so it cannot tell whether this file was already sent to {destination}. Nothing was sent. Ask your IT colleague to repair or remove that line.',
  'error.transfer.ledger-unreadable.general':
    'Courier cannot read its record of the files already sent (“{file}”), so it cannot tell whether this file was already sent to {destination}. Nothing was sent. Ask your IT colleague to check the file.',
  'error.queue.damaged':
    'Courier’s upload queue could not be read. Courier kept it as “{kept}”, untouched, and started a new queue: the uploads it held are not resumed. Send those files again, or ask your IT colleague to look at the kept file.',
  'error.queue.unreadable':
    'Courier’s upload queue (“{file}”) cannot be read, so the uploads it holds are not shown or resumed. Ask your IT colleague to look at it.',
  'error.queue.items-unreadable': {
    one: '{count} upload in Courier’s upload queue cannot be read. Courier leaves it in the file untouched and sends the others.',
    other:
      '{count} uploads in Courier’s upload queue cannot be read. Courier leaves them in the file untouched and sends the others.',
  },
  'error.jobs.state-unreadable':
    'Courier cannot read what it remembers about scheduled jobs (“{file}”). To be safe, every scheduled job is paused until you resume them. The file is kept as it is.',
  'error.history.lines-kept': {
    one: '{count} line of the run history could not be read (written by a newer Courier, or damaged). Courier kept it as it was when it removed old runs.',
    other:
      '{count} lines of the run history could not be read (written by a newer Courier, or damaged). Courier kept them as they were when it removed old runs.',
  },
  'error.mapping.damaged':
    'The remembered mappings of {destination} could not be read. Courier kept the file as “{kept}” and starts a new one with this mapping.',
  'error.settings.busy':
    'Another Courier window or command has been busy with the settings for too long. Try again in a moment; if this keeps happening, close the other Courier windows and commands.',
  'error.sftp.subsystem-missing':
    'The server accepted the login but does not offer SFTP for this account. Ask the provider to turn SFTP on.',
  'error.transfer.already-queued':
    'This file is being sent to this destination right now. Courier does not send the same file twice: wait for that upload to finish.',
  'error.transfer.already-sent':
    'This file was already sent to {destination} on {day} as “{file}”. Send it again only if you mean to (it will get a new name).',
  'error.transfer.already-sent.general':
    'This file was already sent to this destination. Send it again only if you mean to (it will get a new name).',
  'error.transfer.failed':
    'The transfer failed. Try again; if it keeps failing, test the destination’s connection.',
  'error.transfer.folder-missing':
    'The folder “{path}” does not exist on the server. Check the destination’s folder.',
  'error.transfer.folder-not-writable':
    'The server does not let this account write in the folder “{path}”. Check the folder, or ask the provider for write access.',
  'error.transfer.resume-refused':
    'The server does not let an upload continue where it stopped; it has to start again from the beginning.',
  'error.transfer.local-file-changed':
    'The file changed while it was being sent. Prepare it again and resend.',
  'error.transfer.local-file-missing':
    'The file to send, “{file}”, cannot be read. Prepare it again and resend.',
  'error.transfer.name-taken':
    'A file named “{file}” is already in the folder. Courier does not overwrite it; send under a new name.',
  'error.transfer.not-found':
    '“{path}” is not on the server or cannot be read. Check the destination’s folder.',
  'error.transfer.not-readable':
    'This account may not read “{path}”. Ask the provider for access to the folder.',
  'error.transfer.plain-ftp-refused':
    'This destination uses plain FTP, which sends the password and the file unencrypted. Courier refuses it unless the destination is set to allow plain FTP.',
  'error.transfer.rename-refused':
    'The server refused to rename the uploaded file to “{path}”. A file with that name may already be there.',
  'error.transfer.verify-failed':
    'The copy of “{file}” on the server is not the same as the file sent. Send it again.',
  'error.trust.certificate-changed':
    'The server’s certificate is not the one you confirmed before (it is now {fingerprint}). Do not send anything until the provider confirms they changed it.',
  'error.trust.host-key-changed':
    'The server’s host key has changed (it is now {fingerprint}). Someone may be intercepting the connection: do not send anything until the provider confirms the new key.',
  'error.trust.unknown-certificate':
    'The server’s certificate is not signed by an authority this computer trusts. If the provider confirms its fingerprint is {fingerprint}, choose to trust this server: Courier remembers the fingerprint (it pins it) and checks it every time.',
  'error.trust.unknown-host-key':
    'This server is not known yet. Its host key fingerprint is {fingerprint}. If the provider confirms it, choose to trust this server: Courier remembers the fingerprint (it pins it) and checks it every time.',
  'error.upload.nothing-queued': 'Nothing of this upload is waiting to be sent.',
  'error.worker.failed':
    'A background task failed. Try again; if it keeps happening, restart Courier.',
  'error.worker.out-of-memory':
    'This file needs more memory than Courier allows for reading it. Save it as CSV and try again.',
  'error.worker.timeout': 'This took too long and was stopped. Try again.',
  'error.xml-sample.encoding':
    'The sample is written in {encoding}, which Courier does not write. Ask the platform for the sample in UTF-8.',
  'error.xml-sample.mixed-content':
    'The sample mixes text and elements inside “{element}”. Courier can follow a sample whose records hold only fields.',
  'error.xml-sample.nested-group':
    'The sample has a group inside its records (“{element}”). Courier can follow records whose fields each appear once and hold only text.',
  'error.xml-sample.no-records':
    'The sample has no repeated record inside “{element}”. Ask for a sample with at least one record.',
  'error.xml-sample.unreadable':
    'The sample is not XML Courier can read. Check that it is the platform’s sample file.',
} satisfies ErrorMessages;
