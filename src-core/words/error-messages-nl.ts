import type { Message } from './message';
import type { enErrorMessages } from './error-messages-en';

/** Dutch error messages: exactly the English keys. */
export const nlErrorMessages: Readonly<Record<keyof typeof enErrorMessages, Message>> = {
  'error.auth.key-missing':
    'Het privésleutelbestand „{file}” kan niet worden gelezen. Controleer of het er nog is, of kies een ander sleutelbestand.',
  'error.auth.key-missing.general':
    'Deze bestemming meldt zich aan met een privésleutel, en er is er geen ingesteld. Importeer of kies de sleutel in de bestemming.',
  'error.auth.key-unreadable':
    'De privésleutel kon niet worden gelezen. Controleer het sleutelbestand en de wachtwoordzin.',
  'error.auth.login-failed':
    'De server weigerde het aanmelden. Controleer de gebruikersnaam en het wachtwoord of de sleutel.',
  'error.auth.password-missing':
    'Deze bestemming meldt zich aan met een wachtwoord, en er is er geen ingesteld. Vul het wachtwoord in bij de bestemming.',
  'error.cancelled': 'Geannuleerd.',
  'error.connection.lost': 'De verbinding werd verbroken. Probeer opnieuw.',
  'error.connection.no-answer': 'De server antwoordde niet binnen {seconds} seconden.',
  'error.connection.name-not-found':
    'De servernaam werd niet gevonden. Controleer de hostnaam of je internetverbinding.',
  'error.connection.refused':
    'De server weigerde de verbinding. Controleer het poortnummer, of vraag de leverancier of de server draait.',
  'error.connection.timeout':
    'De server antwoordde niet op tijd. Misschien blokkeert een firewall de verbinding.',
  'error.connection.tls-failed':
    'De beveiligde (TLS-)verbinding kon niet worden opgezet. Controleer of de server expliciete of impliciete FTPS gebruikt, en de poort.',
  'error.connection.tls-required':
    'De server weigerde de instellingen voor beveiligd aanmelden. Vraag de leverancier welke FTPS-instellingen hij verwacht.',
  'error.connection.unreachable':
    'De server is vanaf dit netwerk niet bereikbaar. Controleer je internetverbinding.',
  'error.proxy.unreachable':
    'De proxy {proxy} is niet bereikbaar. Controleer het adres en de poort.',
  'error.proxy.auth-failed':
    'Proxy geweigerd: {detail}. Controleer de proxygebruiker en het proxywachtwoord van deze bestemming ({proxy}).',
  'error.proxy.refused':
    'De proxy {proxy} weigerde te verbinden met {server}. Vraag je netwerkbeheerder of hij verbindingen naar deze server en poort doorlaat.',
  'error.proxy.password-missing':
    'De proxy van deze bestemming meldt zich aan als {user}, en er is geen proxywachtwoord ingesteld. Voer het in bij de bestemming.',
  'error.proxy.timeout': 'De proxy {proxy} antwoordde niet op tijd.',
  'error.destination.dummy-data-invalid':
    'Courier kon geen waarden verzinnen die „{name}” aanvaardt. Controleer de regels en vaste waarden van de kolommen.',
  'error.destination.exists':
    'Er bestaat al een bestemming met de naam „{name}”. Kies een andere naam.',
  'error.destination.header-delimiter':
    'Een kolomnaam van deze bestemming bevat het scheidingsteken, dat deze bestandsindeling niet kan bevatten. Geef de kolom een andere naam in de bestemming.',
  'error.destination.header-unencodable':
    'Een kolomnaam van deze bestemming bevat een teken dat de tekenset van het bestand niet kan schrijven. Geef de kolom een andere naam of kies een andere tekenset.',
  'error.destination.folder-invalid':
    'De externe map mag geen onzichtbare tekens bevatten, zoals een regeleinde of een tab. Typ ze opnieuw.',
  'error.destination.host-invalid':
    'De servernaam (host) mag geen spaties of onzichtbare tekens bevatten, zoals een regeleinde of een tab. Typ hem opnieuw.',
  'error.destination.field-empty': 'Dit veld mag niet leeg zijn.',
  'error.destination.field-invalid':
    'Deze waarde is hier niet geldig. Vergelijk ze met wat het platform vroeg.',
  'error.destination.column-twice':
    'De kolom “{column}” komt twee keer voor. Geef elke kolom een eigen naam.',
  'error.destination.not-a-column': '“{column}” is geen kolom van deze bestemming.',
  'error.destination.variable-missing':
    'De bestandsnaam heeft een waarde nodig voor “{variable}”. Vul ze in voor u opslaat.',
  'error.destination.invalid':
    'Deze bestemming is niet geldig. Controleer de instellingen en sla ze opnieuw op.',
  'error.destination.not-configured':
    'De bestemming „{name}” heeft nog geen volledige verbindingsinstellingen. Stel eerst de server, de gebruiker en het wachtwoord of de sleutel in.',
  'error.destination.not-found':
    'Er is geen bestemming met de naam „{name}”. Kies er een uit de lijst.',
  'error.destination.not-found.general':
    'Deze bestemming bestaat niet meer. Kies er een uit de lijst.',
  'error.destination.sample-empty':
    'Dit voorbeeldbestand heeft geen kolomnamen in de eerste rij. Kies het voorbeeld van de leverancier met zijn kopregel.',
  'error.destination.setting-invalid':
    'De instelling „{setting}” kan geen „{value}” zijn: ze moet {values} zijn.',
  'error.destination.setting-unknown': 'Er is geen instelling „{setting}”.',
  'error.destination.user-invalid':
    'De gebruikersnaam mag geen onzichtbare tekens bevatten, zoals een regeleinde of een tab. Typ hem opnieuw.',
  'error.destination.unreadable':
    'Het bestemmingsbestand „{file}” kan niet worden gelezen. Controleer de rechten erop.',
  'error.files.in-use':
    '„{file}” is geopend in een ander programma, of mag niet vervangen worden. Sluit het, of kies een andere naam.',
  'error.files.source-gone':
    'De rijen die bij deze verzending weggelaten werden, worden niet meer bewaard: er is niets om te kopiëren.',
  'error.files.not-chosen':
    'Courier opent alleen bestanden die u kiest of op het venster sleept, en “{file}” hoort daar niet bij. Kies het opnieuw.',
  'error.files.disk-full':
    'De schijf met „{folder}” is vol. Maak ruimte vrij of kies een andere plek.',
  'error.files.folder-missing': 'De map „{folder}” bestaat niet meer. Kies een andere plek.',
  'error.files.no-free-name':
    'Courier vond geen vrije naam voor „{file}” in „{folder}”. Kies een andere map.',
  'error.files.not-found':
    'Courier vindt „{file}” niet meer. Misschien is het verplaatst of verwijderd.',
  'error.files.pick-unavailable':
    'Courier kan hier geen bestandskiezer tonen. Sleep het bestand in plaats daarvan naar het venster.',
  'error.files.save-denied': 'Courier mag niet schrijven in „{folder}”. Kies een andere map.',
  'error.fix.unknown-column':
    'Een correctie verwijst naar een kolom die deze bestemming niet heeft. Controleer de correcties en probeer opnieuw.',
  'error.ftps.session-reuse-failed':
    'De server eist hergebruik van de TLS-sessie op dataverbindingen en weigerde dat van Courier. Test de verbinding: Courier probeert dan TLS 1.2.',
  'error.input.dummy-rows': 'Het aantal fictieve rijen moet een geheel getal van 1 tot {max} zijn.',
  'error.input.stdin-empty':
    'Er kwam geen wachtwoord of wachtwoordzin binnen via standaardinvoer. Geef ze door via een pipe, één regel per geheim.',
  'error.input.stdin-too-large':
    'De standaardinvoer is te groot voor een wachtwoord of wachtwoordzin.',
  'error.internal.unexpected':
    'Er ging onverwacht iets mis. Probeer opnieuw; blijft het gebeuren, laat het dan weten aan je IT-collega.',
  'error.ipc.invalid-request':
    'Het venster van Courier stuurde een verzoek dat niet klopt („{channel}”). Start Courier opnieuw en probeer nog eens.',
  'error.ipc.unknown-channel':
    'Courier kent het verzoek „{channel}” niet. Start Courier opnieuw en probeer nog eens.',
  'error.ipc.untrusted-sender':
    'Dit verzoek kwam niet van een venster van Courier en werd geweigerd.',
  'error.jobs.already-running': 'Deze taak loopt al. Wacht tot ze klaar is.',
  'error.jobs.serve-running':
    'Courier voert de geplande taken van deze instellingenmap al uit (“courier jobs serve”). Er kan er maar één tegelijk lopen: stop eerst die.',
  'error.jobs.folder-missing':
    'De bewaakte map „{folder}” bestaat niet (meer). Controleer de bronmap van de taak.',
  'error.jobs.folder-unreadable':
    'Courier mag de bewaakte map „{folder}” niet lezen. Controleer de rechten erop.',
  'error.jobs.invalid': 'Deze taak is niet volledig. Controleer elk veld en sla ze opnieuw op.',
  'error.jobs.invalid-mapping':
    'Het koppelingsbestand van deze taak is niet geldig. Sla de koppeling opnieuw op vanuit de app.',
  'error.jobs.invalid-pattern':
    'Het bestandspatroon „{pattern}” heeft een „{” die niet gesloten wordt. Sluit ze met „}”.',
  'error.jobs.name-taken': 'Er bestaat al een taak met de naam „{name}”. Kies een andere naam.',
  'error.jobs.not-found': 'Er is geen taak met de naam „{name}”.',
  'error.jobs.not-found.general': 'Deze taak bestaat niet meer.',
  'error.jobs.nothing-new-for-days':
    'Voor de taak „{job}” is al {days} dagen niets nieuws gekomen (sinds {day}). Controleer of de export waarop ze wacht nog gemaakt wordt.',
  'error.jobs.source-missing':
    'Het bestand dat deze taak verstuurt is er niet. Controleer de bron van de taak.',
  'error.jobs.unreadable':
    'De opgeslagen taken in „{file}” kunnen niet worden gelezen. Vraag je IT-collega het bestand na te kijken.',
  'error.keys.exists':
    '„{name}” heeft al een privésleutel in de sleutelhanger. Kies een andere naam, of vervang hem bewust.',
  'error.keys.generate-failed': 'Courier kon geen sleutelpaar maken. Probeer opnieuw.',
  'error.keys.no-file':
    'Er is geen sleutelbestand op „{file}”. Kies het privésleutelbestand opnieuw.',
  'error.keys.no-file.general': 'Kies een privésleutelbestand of plak de tekst van de sleutel.',
  'error.keys.none':
    'Er is geen privésleutel met de naam „{name}” in de sleutelhanger. Maak er een aan of importeer er een.',
  'error.keys.not-private':
    'Dit is een publieke sleutel. Courier heeft de privésleutel nodig (meestal dezelfde bestandsnaam zonder „.pub”).',
  'error.keys.passphrase-needed':
    'Deze privésleutel is beveiligd met een wachtwoordzin. Geef ook de wachtwoordzin op.',
  'error.keys.unreadable':
    'Dit is geen privésleutel die Courier kan lezen. Gebruik een OpenSSH- of PEM-privésleutelbestand (het bestand zonder „.pub”).',
  'error.keys.wrong-passphrase':
    'Deze wachtwoordzin opent de privésleutel niet. Controleer hem en probeer opnieuw.',
  'error.mapping.invalid':
    'Het koppelingsbestand „{file}” is niet geldig. Sla de koppeling opnieuw op vanuit de app.',
  'error.mapping.not-found': 'Er is geen koppelingsbestand op „{file}”.',
  'error.mapping.unknown-column':
    'De opgeslagen koppeling gebruikt een kolom die dit bestand niet heeft. Controleer de kolommen en probeer opnieuw.',
  'error.mapping.unknown-target':
    'De opgeslagen koppeling noemt een kolom die deze bestemming niet heeft. Controleer de kolommen en probeer opnieuw.',
  'error.output.file-too-large':
    'Het bestand „{file}” is groter dan {destination} per bestand toestaat. Verlaag het aantal rijen per bestand, zodat elk bestand kleiner wordt.',
  'error.read.bad-window': 'Rijen {start} tot {end} vormen geen geldig bereik.',
  'error.read.changed': '„{file}” werd gewijzigd terwijl Courier het las. Open het opnieuw.',
  'error.read.disk-full':
    'Er is niet genoeg schijfruimte om „{file}” te lezen (de tijdelijke map „{folder}” is vol). Maak ruimte vrij en probeer het opnieuw.',
  'error.read.empty-file': '„{file}” is leeg.',
  'error.read.header-row-out-of-range':
    'Kopregel {row} bestaat niet in „{file}”. Kies een regel met de kolomnamen.',
  'error.read.line-too-long':
    '„{file}” heeft een regel die veel te lang is voor een rij contacten. Misschien is het geen echte export, of wordt een aanhalingsteken nooit gesloten.',
  'error.read.no-data': '„{file}” heeft een kopregel maar geen rijen.',
  'error.read.not-a-file':
    '„{file}” is een map, geen bestand. Kies het exportbestand dat erin zit.',
  'error.read.not-found': 'Courier vindt „{file}” niet. Misschien is het verplaatst of verwijderd.',
  'error.read.not-open': 'Dit bestand is niet meer geopend. Open het opnieuw.',
  'error.read.not-text':
    '„{file}” is geen tabel die Courier kan lezen. Exporteer het opnieuw als CSV of Excel.',
  'error.read.permission-denied':
    'Courier mag „{file}” niet lezen. Vraag toegang aan je IT-collega, of kopieer het bestand eerst naar een andere plek.',
  'error.read.sheet-empty': 'Elk werkblad van „{file}” is leeg: er zijn geen gegevens om te lezen.',
  'error.read.sheet-not-found': '„{file}” heeft geen werkblad met de naam „{sheet}”.',
  'error.read.sheet-not-found.general':
    '„{file}” heeft het gekozen werkblad niet. Kies een ander werkblad.',
  'error.read.too-large': '„{file}” is te groot voor Courier.',
  'error.read.too-many-columns':
    '„{file}” heeft {columns} kolommen; Courier leest er hoogstens {max}. Controleer het scheidingsteken, of verwijder ongebruikte kolommen.',
  'error.read.too-many-columns.general':
    '„{file}” heeft te veel kolommen; Courier leest er hoogstens {max}. Controleer het scheidingsteken, of verwijder ongebruikte kolommen.',
  'error.read.too-slow':
    'Het lezen van „{file}” duurde te lang en werd gestopt. Het bestand is misschien beschadigd, of veel groter dan een export van contacten.',
  'error.read.unclosed-quote':
    'In „{file}” wordt een aanhalingsteken (") op regel {line} nooit gesloten, waardoor alles erna als één waarde gelezen zou worden. Sluit of verwijder dat aanhalingsteken, of exporteer het bestand opnieuw.',
  'error.read.workbook-corrupt':
    '„{file}” lijkt een Excel-werkmap, maar is beschadigd. Open het in Excel en sla het opnieuw op, of exporteer het als CSV.',
  'error.read.workbook-encrypted':
    '„{file}” is met een wachtwoord beveiligd. Sla een kopie zonder wachtwoord op en probeer opnieuw.',
  'error.read.zip-bomb':
    'Het zipbestand „{file}” pakt uit tot een onredelijke grootte en werd niet geopend.',
  'error.read.zip-corrupt': 'Het zipbestand „{file}” is beschadigd en kan niet worden geopend.',
  'error.read.zip-empty': 'Het zipbestand „{file}” bevat geen bestand om te lezen.',
  'error.read.zip-encrypted':
    'Het zipbestand „{file}” is met een wachtwoord beveiligd. Pak het zelf uit en kies het bestand dat erin zit.',
  'error.read.zip-several-files':
    'De zip „{file}” bevat meerdere bestanden. Stop er maar één export in.',
  'error.read.zip-unsupported':
    'Het zipbestand „{file}” bevat een bestand dat geen CSV-, TSV-, TXT-, XLS- of XLSX-bestand is. Pak het uit en kies de export.',
  'error.reports.damaged':
    'Het rapport „{file}” is beschadigd aangekomen (het is geen volledige zip). Het is niet bewaard; probeer later opnieuw.',
  'error.reports.ledger-damaged':
    'De lijst van gedownloade rapporten ({file}) is onleesbaar. Verplaats ze om een nieuwe te beginnen.',
  'error.reports.none': 'Digitaleo bewaart geen rapporten voor {name} op zijn server.',
  'error.reports.not-digitaleo':
    '{name} is geen Digitaleo-bestemming: alleen Digitaleo bewaart rapporten om te downloaden.',
  'error.refused.not-refused':
    'Het platform heeft het bestand van deze verzending niet geweigerd: er is geen geweigerd bestand om te downloaden.',
  'error.refused.gone':
    'Digitaleo bewaart het geweigerde bestand van deze verzending niet meer in zijn map ko ({folder}) voor {name}.',
  'error.refused.damaged':
    'Het geweigerde bestand „{file}” is onvolledig aangekomen. Er is niets bewaard; probeer opnieuw.',
  'error.history.run-not-found':
    'Er is geen uitvoering „{id}” in de geschiedenis (ze is misschien ouder dan wat de geschiedenis bewaart).',
  'error.receipt.bad-day': 'Een datum schrijf je als JJJJ-MM-DD (ontvangen: „{day}”).',
  'error.receipt.no-reports':
    'Digitaleo heeft geen rapporten voor {day} (ze worden zeven dagen bewaard).',
  'error.schedule.invalid-time': 'Dit tijdstip is niet geldig. Schrijf het als 07:30.',
  'error.schedule.missing-time':
    'Zeg op welk tijdstip de taak moet lopen, bijvoorbeeld „elke werkdag om 07:30”.',
  'error.schedule.not-understood':
    'Courier begrijpt deze planning niet. Schrijf ze als „elke werkdag om 07:30”.',
  'error.schedule.out-of-range':
    'Een getal in deze planning valt buiten het bereik. Controleer de dagen en tijdstippen.',
  'error.schedule.unknown-time-zone': 'Courier kent deze tijdzone niet. Kies er een uit de lijst.',
  'error.secrets.agent-missing':
    'Er is geen SSH-agent bereikbaar (SSH_AUTH_SOCK is niet ingesteld of wijst nergens naar). Start ssh-agent en voeg de sleutel toe met ssh-add.',
  'error.secrets.command-failed':
    'Het wachtwoordcommando {program} gaf geen wachtwoord. Voer het zelf uit om te zien waarom, en probeer het opnieuw.',
  'error.secrets.command-timed-out':
    'Het wachtwoordcommando {program} was niet klaar binnen {seconds} seconden. Kijk na of het niet op een antwoord wacht.',
  'error.secrets.credential-missing':
    'De systemd-credential “{name}” kan niet gelezen worden. Kijk de regel LoadCredential= of LoadCredentialEncrypted= van de service na.',
  'error.secrets.key-file-open':
    'Het privésleutelbestand {file} is leesbaar voor andere mensen op deze computer, dus Courier weigert het (zoals OpenSSH). Maak het alleen voor jou leesbaar (chmod 600).',
  'error.secrets.variable-missing':
    'De omgevingsvariabele {variable} met het geheim van deze bestemming is niet ingesteld.',
  'error.secrets.keep-not-confirmed':
    'Het bewaarde wachtwoord van “{name}” is niet aan {server} gegeven. Voer het wachtwoord van de nieuwe server in.',
  'error.secrets.locked':
    'De sleutelhanger van je computer is vergrendeld. Ontgrendel hem (misschien vraagt hij om je wachtwoord) en probeer opnieuw.',
  'error.secrets.name-taken':
    'De sleutelhanger bevat al geheimen voor „{name}”. Verwijder eerst die bestemming, of kies een andere naam.',
  'error.secrets.no-name':
    'Een wachtwoord of sleutel heeft de naam nodig van de bestemming waar het bij hoort. Geef de bestemming eerst een naam.',
  'error.secrets.other-server':
    'Het bewaarde wachtwoord van “{name}” werd voor een andere server ingevoerd. Courier stuurt het niet naar {server}: voer het wachtwoord van deze server in.',
  'error.secrets.refused':
    'De sleutelhanger van je computer weigerde het verzoek. Controleer of Courier hem mag gebruiken en probeer opnieuw.',
  'error.secrets.timeout':
    'De sleutelhanger van je computer antwoordde niet. Vraagt hij om je wachtwoord, geef het dan en probeer opnieuw.',
  'error.secrets.unavailable':
    'Courier kan de sleutelhanger van je computer niet bereiken, dus kan het geen wachtwoorden opslaan of lezen. Vraag je IT-collega hem na te kijken. Courier bewaart wachtwoorden nooit in een bestand.',
  // Gekoppelde bestanden die met het hoofdbestand meegaan, alle of geen (BlueConic: profielen, bestellingen, producten).
  'error.related.file-needed':
    '{destination} krijgt het bestand “{set}” samen met het hoofdbestand: geef het op (--related {set}=BESTAND). Er is niets verzonden.',
  'error.related.not-set-up':
    '{destination} heeft geen gekoppeld bestand met de naam “{set}”. Stel het eerst in bij de instellingen van de bestemming.',
  'error.related.option-invalid':
    '“{value}” heeft niet de vorm NAAM=BESTAND (bijvoorbeeld orders=orders.csv).',
  'error.related.held':
    'Het bestand {set} “{file}” kan niet verzonden worden zoals het is, dus is geen enkel bestand verzonden. Controleer het, verbeter het en verzend opnieuw.',
  // Gespreksopnames die met de records meegaan (EvaluAgent).
  'error.recordings.folder-needed':
    '{destination} ontvangt de gespreksopnames samen met de records: kies de map waarin de opnames staan.',
  'error.recordings.not-set-up':
    '{destination} is niet ingesteld om opnames te ontvangen: kies eerst in de instellingen de kolom die ze noemt.',
  'error.recordings.folder-unreadable':
    'Courier kan de map met opnames „{folder}” niet openen. Controleer of ze bestaat en of u ze mag lezen.',
  'error.recordings.not-all-there': {
    one: '{count} rij noemt een opname die nog niet in de map staat. Het bestand wordt met zijn opnames verstuurd zodra ze er allemaal zijn.',
    other:
      '{count} rijen noemen opnames die nog niet in de map staan. Het bestand wordt met zijn opnames verstuurd zodra ze er allemaal zijn.',
  },
  'error.recordings.still-arriving': {
    one: '{count} opname wordt nog geschreven. Het bestand wordt met zijn opnames verstuurd zodra ze volledig zijn.',
    other:
      '{count} opnames worden nog geschreven. Het bestand wordt met zijn opnames verstuurd zodra ze volledig zijn.',
  },
  'error.recordings.same-name':
    'Twee opnames heten „{file}” en zouden in dezelfde map op de server terechtkomen. Geef een van beide een andere naam.',
  'error.recordings.column-missing':
    '{destination} noemt de opname van elke rij in „{column}”, een kolom die dit bestand niet verstuurt. Kies de kolom ervoor, of wijzig de instelling van de opnames.',
  'error.send.busy': 'Er wordt al een bestand verstuurd. Wacht tot het klaar is, of annuleer het.',
  'error.send.header-changed':
    'De kolommen van deze export zijn veranderd sinds de koppeling werd opgeslagen ({columns}). Controleer de koppeling en verstuur opnieuw.',
  'error.send.header-changed.general':
    'De kolommen van deze export zijn veranderd sinds de koppeling werd opgeslagen. Controleer de koppeling en verstuur opnieuw.',
  'error.send.nothing-to-send': 'Er blijft geen rij over om te versturen.',
  'error.send.rows-have-errors': {
    one: '{count} rij heeft een probleem dat de bestemming zou weigeren. Verbeter ze, of kies ervoor de ongeldige rijen weg te laten.',
    other:
      '{count} rijen hebben problemen die de bestemming zou weigeren. Verbeter ze, of kies ervoor de ongeldige rijen weg te laten.',
  },
  'error.send.rows-have-errors.general':
    'Sommige rijen hebben problemen die de bestemming zou weigeren. Verbeter ze, of kies ervoor de ongeldige rijen weg te laten.',
  // Instellingenbestanden die niet gelezen of geschreven kunnen worden (bewaard, nooit overschreven).
  'error.settings.read-only':
    'Courier mag niet schrijven in zijn instellingenmap „{folder}” (ze is alleen-lezen of vergrendeld). Er werd niets bewaard. Maak de map schrijfbaar, of kies een andere.',
  'error.settings.disk-full':
    'De schijf van de instellingenmap van Courier „{folder}” is vol. Er werd niets bewaard. Maak plaats vrij en probeer opnieuw.',
  'error.settings.not-a-folder':
    'De instellingenmap van Courier „{folder}” is geen map (er staat een bestand op haar plaats). Er werd niets bewaard. Verplaats dat bestand, of kies een andere map.',
  'error.settings.unreadable':
    'Courier kan zijn instellingenbestand „{file}” niet lezen: er staat iets anders op zijn plaats, of Courier mag het niet openen. Vraag je IT-collega het bestand na te kijken.',
  'error.settings.damaged':
    'Courier kon zijn instellingenbestand „{file}” niet lezen. Het bewaarde het ongewijzigd als „{kept}” en maakte een nieuw; kijk je instellingen na.',
  'error.transfer.ledger-unreadable':
    'Courier kan regel {line} van zijn lijst met al verstuurde bestanden („{file}”) niet lezen, dus kan het niet nagaan of dit bestand al naar {destination} werd verstuurd. Er werd niets verstuurd. Vraag je IT-collega die regel te herstellen of te verwijderen.',
  'error.transfer.ledger-unreadable.general':
    'Courier kan zijn lijst met al verstuurde bestanden („{file}”) niet lezen, dus kan het niet nagaan of dit bestand al naar {destination} werd verstuurd. Er werd niets verstuurd. Vraag je IT-collega het bestand na te kijken.',
  'error.queue.damaged':
    'De verzendwachtrij van Courier kon niet gelezen worden. Courier bewaarde ze ongewijzigd als „{kept}” en begon een nieuwe wachtrij: de verzendingen erin worden niet hervat. Verstuur die bestanden opnieuw, of vraag je IT-collega het bewaarde bestand na te kijken.',
  'error.queue.unreadable':
    'De verzendwachtrij van Courier („{file}”) kan niet gelezen worden, dus de verzendingen erin worden niet getoond of hervat. Vraag je IT-collega ze na te kijken.',
  'error.queue.items-unreadable': {
    one: '{count} verzending in de wachtrij van Courier kan niet gelezen worden. Courier laat ze ongewijzigd in het bestand staan en verstuurt de andere.',
    other:
      '{count} verzendingen in de wachtrij van Courier kunnen niet gelezen worden. Courier laat ze ongewijzigd in het bestand staan en verstuurt de andere.',
  },
  'error.jobs.state-unreadable':
    'Courier kan niet lezen wat het onthield over de geplande taken („{file}”). Voor de veiligheid staan alle geplande taken gepauzeerd tot je ze hervat. Het bestand blijft zoals het is.',
  'error.history.lines-kept': {
    one: '{count} regel van de geschiedenis kon niet gelezen worden (geschreven door een nieuwere Courier, of beschadigd). Courier liet ze ongewijzigd staan bij het opruimen van oude verzendingen.',
    other:
      '{count} regels van de geschiedenis konden niet gelezen worden (geschreven door een nieuwere Courier, of beschadigd). Courier liet ze ongewijzigd staan bij het opruimen van oude verzendingen.',
  },
  'error.mapping.damaged':
    'De onthouden koppelingen van {destination} konden niet gelezen worden. Courier bewaarde het bestand als „{kept}” en begint een nieuw met deze koppeling.',
  'error.settings.busy':
    'Een ander venster of commando van Courier is al te lang bezig met de instellingen. Probeer zo meteen opnieuw; blijft het gebeuren, sluit dan de andere vensters en commando’s van Courier.',
  'error.sftp.subsystem-missing':
    'De server aanvaardde het aanmelden, maar biedt geen SFTP aan voor dit account. Vraag de leverancier om SFTP aan te zetten.',
  'error.transfer.already-queued':
    'Dit bestand wordt op dit moment naar deze bestemming verstuurd. Courier verstuurt hetzelfde bestand geen twee keer: wacht tot die upload klaar is.',
  'error.transfer.already-sent':
    'Dit bestand werd al op {day} naar {destination} verstuurd als „{file}”. Verstuur het alleen opnieuw als dat echt de bedoeling is (het krijgt een nieuwe naam).',
  'error.transfer.already-sent.general':
    'Dit bestand werd al naar deze bestemming verstuurd. Verstuur het alleen opnieuw als dat echt de bedoeling is (het krijgt een nieuwe naam).',
  'error.transfer.failed':
    'De overdracht is mislukt. Probeer opnieuw; mislukt ze weer, test dan de verbinding van de bestemming.',
  'error.transfer.folder-missing':
    'De map „{path}” bestaat niet op de server. Controleer de map van de bestemming.',
  'error.transfer.folder-not-writable':
    'De server laat dit account niet schrijven in de map „{path}”. Controleer de map, of vraag de leverancier om schrijfrechten.',
  'error.transfer.resume-refused':
    'De server laat een upload niet verdergaan waar hij stopte; hij moet opnieuw van het begin beginnen.',
  'error.transfer.local-file-changed':
    'Het bestand veranderde tijdens het versturen. Bereid het opnieuw voor en verstuur het opnieuw.',
  'error.transfer.local-file-missing':
    'Het te versturen bestand, „{file}”, kan niet worden gelezen. Bereid het opnieuw voor en verstuur het opnieuw.',
  'error.transfer.name-taken':
    'Er staat al een bestand met de naam „{file}” in de map. Courier overschrijft het niet; verstuur onder een nieuwe naam.',
  'error.transfer.not-found':
    '„{path}” staat niet op de server of kan niet worden gelezen. Controleer de map van de bestemming.',
  'error.transfer.not-readable':
    'Dit account mag „{path}” niet lezen. Vraag de leverancier om toegang tot de map.',
  'error.transfer.plain-ftp-refused':
    'Deze bestemming gebruikt gewone FTP, die het wachtwoord en het bestand onversleuteld verstuurt. Courier weigert dat, tenzij de bestemming gewone FTP uitdrukkelijk toestaat.',
  'error.transfer.rename-refused':
    'De server weigerde het verstuurde bestand te hernoemen naar „{path}”. Misschien staat er al een bestand met die naam.',
  'error.transfer.verify-failed':
    'De kopie van „{file}” op de server is niet gelijk aan het verstuurde bestand. Verstuur het opnieuw.',
  'error.trust.certificate-changed':
    'Het certificaat van de server is niet het certificaat dat je eerder bevestigde (het is nu {fingerprint}). Verstuur niets tot de leverancier bevestigt dat hij het veranderd heeft.',
  'error.trust.host-key-changed':
    'De hostsleutel van de server is veranderd (hij is nu {fingerprint}). Misschien onderschept iemand de verbinding: verstuur niets tot de leverancier de nieuwe sleutel bevestigt.',
  'error.trust.unknown-certificate':
    'Het certificaat van de server is niet ondertekend door een instantie die deze computer vertrouwt. Bevestigt de leverancier dat de vingerafdruk {fingerprint} is, bevestig hem dan in Courier om deze server te vertrouwen.',
  'error.trust.unknown-host-key':
    'Deze server is nog niet bekend. De vingerafdruk van zijn hostsleutel is {fingerprint}. Bevestigt de leverancier die, bevestig hem dan in Courier om deze server te vertrouwen.',
  'error.upload.nothing-queued': 'Van deze upload wacht niets meer om verstuurd te worden.',
  'error.worker.failed':
    'Een taak op de achtergrond is mislukt. Probeer opnieuw; blijft het gebeuren, start Courier dan opnieuw.',
  'error.worker.out-of-memory':
    'Dit bestand heeft meer geheugen nodig dan Courier toestaat om het te lezen. Sla het op als CSV en probeer opnieuw.',
  'error.worker.timeout': 'Dit duurde te lang en werd gestopt. Probeer opnieuw.',
  'error.xml-sample.encoding':
    'Het voorbeeld is geschreven in {encoding}, een codering die Courier niet schrijft. Vraag het platform om het voorbeeld in UTF-8.',
  'error.xml-sample.mixed-content':
    'Het voorbeeld mengt tekst en elementen in „{element}”. Courier kan een voorbeeld volgen waarvan de records alleen velden bevatten.',
  'error.xml-sample.nested-group':
    'Het voorbeeld heeft een groep binnen zijn records („{element}”). Courier kan records volgen waarin elk veld één keer voorkomt en alleen tekst bevat.',
  'error.xml-sample.no-records':
    'Het voorbeeld heeft geen herhaald record in „{element}”. Vraag een voorbeeld met minstens één record.',
  'error.xml-sample.unreadable':
    'Het voorbeeld is geen XML die Courier kan lezen. Controleer of het het voorbeeldbestand van het platform is.',
};
