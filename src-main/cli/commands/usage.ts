import { fixUsage } from '../fix-option';

/**
 * The usage text of each `courier` command, kept apart from the commands' code so that
 * `courier <command> --help` loads none of it (see index.ts). A test checks each command shows its own.
 */

/** `courier inspect --help`. */
export const inspectUsage = `Usage: courier inspect FILE [--json] [--sheet NAME] [--header-row N] [--rows START:END]

Detects how FILE is written (CSV, TSV, XLS from Excel 2.x on, XLSX, XLSM, or a zip holding one
of them) and shows its columns, its number of data rows and some of its rows. Macros in a
workbook are never run nor kept: only its cells are read.

Options:
  --json            print one JSON object: format, encoding, delimiter, sheet, headerRow,
                    columns, rowCount, rows (and notes, when there is something to know:
                    "macros-ignored")
  --sheet NAME      the sheet of a workbook to read (default: the one that holds the data)
  --header-row N    the line (text) or row (workbook) holding the column names, 1-based
  --rows START:END  the data rows to show, 0-based, END excluded (default 0:20)`;

/** `courier keys --help`. */
export const keysUsage = `Usage:
  courier keys generate NAME [--passphrase-stdin] [--replace] [--comment TEXT] [--json]
  courier keys import NAME --key FILE [--passphrase-stdin] [--json]
  courier keys show NAME [--json]

SSH identities for SFTP destinations, kept in the system keychain (never in a file).
An identity shares its name with the destination that logs in with it.

  generate   make an ed25519 key pair, keep the private key in the keychain and print the
             public key (OpenSSH one-line format) to send to the vendor
  import     copy an existing private key (OpenSSH or PEM) into the keychain
  show       print the public key of an identity (never the private key)

Options:
  --passphrase-stdin   read the key's passphrase from standard input (one line)
  --replace            replace an identity that already exists
  --comment TEXT       the public key's comment (default: courier-NAME)
  --key FILE           the private key file to import
  --json               print {"name", "publicKey"}`;

/** `courier check --help`. */
export const checkUsage = `Usage: courier check FILE --destination D [--mapping M] [--remember-mapping] [--sheet NAME] [--header-row N] [--keep-duplicates] [--fix KIND:COLUMN] [--lang L] [--json]

Maps the file's columns to the destination's and validates every row; lists the problems.

  --destination D  a configured destination, a preset id (hello-customer, customergauge,
                   digitaleo, blueconic, evaluagent, generic) or a destination JSON file
  --mapping M      a JSON file: { "Destination column": "Source column" | null, … }
                   (or { "mapping": {…}, "fixes": [ … ] }); without it the remembered
                   mapping for these columns is used, else Courier's confident suggestions
  --remember-mapping
                   remember the mapping used for files with these columns (as the app's
                   Columns step does): later sends, jobs and checks use it without --mapping
  --sheet NAME     the sheet of a workbook to read (default: the one that holds the data)
  --header-row N   the line (text) or row (workbook) holding the column names, 1-based
  --keep-duplicates
                   send later rows with the same key too, for a destination that
                   sends only the first (Hello Customer: one invitation per e-mail)
${fixUsage}
  --lang L         en, fr or nl, as prepare and send take it for the rows-left-out file
                   (check writes no file: the value is only checked)
  --json           print one JSON object: destination, mapping, rowCount, validRowCount,
                   issues, summary, files

Exit code 1 when any row has an error, 0 otherwise.`;

/** `courier prepare --help`. */
export const prepareUsage = `Usage: courier prepare FILE --destination D --out DIR [--mapping M] [--remember-mapping] [--sheet NAME] [--header-row N] [--exclude-invalid] [--keep-duplicates] [--fix KIND:COLUMN] [--lang L] [--json]

Writes exactly the files that would be sent to the destination into DIR, and prints their names.

  --destination D     a configured destination, a preset id or a destination JSON file
  --out DIR           the folder to write into (created if needed)
  --mapping M         a JSON mapping file (see courier check --help)
  --remember-mapping  remember the mapping used for files with these columns
  --sheet NAME        the sheet of a workbook to read (default: the one that holds the data)
  --header-row N      the line (text) or row (workbook) holding the column names, 1-based
  --exclude-invalid   leave rows with errors out and write them, with the reason and every
                      source column, to DIR/rejected/rejected.csv, apart from the files to send
  --keep-duplicates   write later rows with the same key too, for a destination that sends
                      only the first (Hello Customer); otherwise they are left out and listed
${fixUsage}
  --lang L            en, fr or nl: the language of rejected/rejected.csv (default en)
  --json              print one JSON object: the check report plus written and rejected

Without --exclude-invalid, a file with errors is not written (exit code 1).`;

/** `courier history --help`. */
export const historyUsage = `Usage: courier history [--json] [--limit N]
       courier history download-refused RUN_ID --out DIR [--json]

Lists past runs, newest first (default: the last 20). Each run records when, who or which job,
the source file's name and SHA-256, the destination, rows read / sent / left out with counts
per issue, the files written, the transfer and receipt results, the duration and any error.
No row contents and no e-mail addresses are ever kept.

download-refused saves the file(s) Digitaleo refused in run RUN_ID (its receipt is "rejected":
Digitaleo moved the file to its ko folder) into DIR, as Digitaleo kept them, so you can see what
it disliked. Each is checked against its size on the server and never written over a file in DIR
(a name that is taken gets " (2)"); Courier says whether it is the very file it sent.`;

/** `courier jobs --help`. */
export const jobsUsage = `Usage:
  courier jobs add NAME (--source FILE | --watch DIR --pattern GLOB [--each-new])
                   --destination D [--mapping M] [--schedule "every day at 02:00"]
                   [--invalid send-valid|hold] [--header-change hold|continue]
                   [--no-catch-up] [--keep-copies] [--recordings DIR] [--disabled]
                   [--warn-after-days N] [--related NAME=FILE]...
  courier jobs add NAME --reports-of DESTINATION --out DIR [--schedule "every day at 07:00"]
                   [--no-catch-up] [--disabled]
  courier jobs set JOB --warn-after-days N|off
  courier jobs settings [--notify-on-success yes|no] [--start-at-login yes|no]
                   [--keep-days N|none] [--keep-runs N|none] [--json]
  courier jobs list [--json]
  courier jobs run JOB [--json]
  courier jobs remove JOB
  courier jobs run-due [--json]
  courier jobs serve [--json]          (run the schedules until SIGTERM, without the app)
  courier jobs enable JOB | disable JOB
  courier jobs pause | resume          (all scheduled runs)

  --source FILE     send this file every time
  --watch DIR       watch a folder; with --pattern (e.g. "export-*.csv") pick the newest
                    finished matching file, or with --each-new every new one
  --mapping M       a JSON file {"target column": "source column"} or
                    "Target=Source,Other target=Other source"
  --schedule S      in words, in English, French or Dutch: "every 15 minutes", "3 times a day",
                    "every day at 02:00", "mondays and thursdays at 07:30",
                    "on the 1st and 15th at 06:00", "first monday of the month at 09:00";
                    "tous les soirs à 22h", "du lundi au vendredi à 7h30",
                    "le 1er de chaque mois à 8h"; "elke dag om 22.30 uur",
                    "werkdagen om 7.30", "de 1e van elke maand om 8 uur"
                    (add "in Europe/Brussels" for a zone)
  --invalid P       send-valid (default): send the valid rows and report the others;
                    hold: send nothing and keep the file for review
  --header-change P hold (default): when the file's columns changed, send nothing and ask;
                    continue: send with the saved mapping anyway
  --keep-copies     keep the prepared files after a successful send
  --recordings DIR  the folder of the call recordings the rows name (destinations set with
                    recordings.column=…): a file waits until every recording it names is
                    there and finished being written, then they go first, the records last
  --related NAME=FILE  the file of the destination's related file set NAME, sent with the
                    main file at every run, all or none (repeat for each set)
  --no-catch-up     skip runs missed while the computer slept or Courier was closed
                    (by default one missed run is made at the next opportunity)
  --reports-of D    not a send: fetch the Digitaleo destination D's new report zips into
                    --out DIR on the schedule, as "courier reports download" does (each zip
                    once, verified, never over a local file); History lists each zip's files
                    and row counts
  --warn-after-days N  say so (History, tray, a warning here; the exit code stays 0) when
                    N days pass with nothing new to send; again every N days while it lasts
settings shows or changes what the app follows in the background: a notification when a run went
well too (failures and held files always notify), starting in the tray at login (applied by the app
at its next start), and how long History is kept (--keep-days, --keep-runs; none: no limit).
run-due runs every job whose schedule has come (once, however many slots were missed, if the
job allows catching up): call it every few minutes from cron or Task Scheduler on a machine
without the app. Use either the app or run-due for a job, not both.
serve runs the jobs on their schedules as the app's tray does, for a systemd or Windows service:
one line per event on standard output (--json: JSON lines); SIGTERM or Ctrl-C stops it cleanly
(an upload in progress is parked and resumed at the next start). One per settings folder.
JOB is a job's name or id. "jobs run" exits 0 when sent, 1 when held or the file has
blocking problems, 3 on a connection or transfer failure.`;

/** `courier send --help`. */
export const sendUsage = `Usage: courier send FILE --destination D [--mapping M] [--sheet NAME] [--header-row N] [--exclude-invalid] [--keep-duplicates] [--fix KIND:COLUMN] [--recordings DIR] [--related NAME=FILE]... [--lang L] [--force] [--json]

Prepares FILE for the destination and uploads it, with a progress bar on a terminal.
The files arrive whole or not at all (uploaded under a temporary name, verified, then renamed).

  --destination D     a configured destination, a preset id or a destination JSON file
  --mapping M         a JSON mapping file (see courier check --help)
  --sheet NAME        the sheet of a workbook to read (default: the one that holds the data)
  --header-row N      the line (text) or row (workbook) holding the column names, 1-based
  --exclude-invalid   send the valid rows; leave the others out (saved as rejected rows)
  --keep-duplicates   send later rows with the same key too, for a destination that sends
                      only the first (Hello Customer)
${fixUsage}
  --force             send even if this exact file was already delivered (under a new name)
  --recordings DIR    the folder holding the call recordings the rows name (destinations set
                      with recordings.column=…): each must be there; they are uploaded first,
                      each once, to the destination's recordings folder, and the records last
  --related NAME=FILE the file of the destination's related file set NAME (set with
                      related.NAME.columns=…), once per set: every file is prepared and checked
                      first (a problem in one holds them all, nothing is sent), then uploaded
                      after FILE in the destination's order; a run that stopped part-way is
                      continued by sending again (the files already there are not sent twice)
  --wait-receipt SEC  for destinations that give a receipt (Digitaleo ok/ko, BlueConic .done),
                      wait up to SEC seconds for it; exit 3 if the platform rejected the file
  --lang L            en, fr or nl: the language of the rows left out, kept for History
  --json              print one JSON object with the run, the files and the transfer

Exit codes: 0 sent; 1 the file has blocking problems (nothing was sent);
            3 connection, trust, login or transfer failure.`;
