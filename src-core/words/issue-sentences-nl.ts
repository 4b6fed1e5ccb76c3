import type { Message } from './message';
import type { enIssueSentences } from './issue-sentences-en';

/** Dutch issue sentences: exactly the English keys. */
export const nlIssueSentences: Readonly<Record<keyof typeof enIssueSentences, Message>> = {
  'sentence.required.missing':
    'Regel {line}: {column} is leeg, terwijl {destination} dit in elke rij nodig heeft.',
  'sentence.mapping.required-unmapped':
    'Er is geen kolom van het bestand gekozen voor „{column}”, die {destination} verplicht stelt: kies er een, anders kan geen enkele rij worden verstuurd.',
  'sentence.email.invalid': 'Regel {line}: „{value}” is geen geldig e-mailadres ({problem}).',
  'sentence.email.problem.empty': 'het is leeg',
  'sentence.email.problem.space': 'het bevat een spatie',
  'sentence.email.problem.no-at': 'er ontbreekt een @',
  'sentence.email.problem.many-at': 'het bevat meer dan één @',
  'sentence.email.problem.local-empty': 'er staat niets vóór de @',
  'sentence.email.problem.domain-empty': 'er staat niets na de @',
  'sentence.email.problem.local-too-long': 'het deel vóór de @ is langer dan 64 tekens',
  'sentence.email.problem.too-long': 'het is langer dan 254 tekens',
  'sentence.email.problem.local-dot': 'het deel vóór de @ bevat een punt op een verkeerde plaats',
  'sentence.email.problem.formula-start':
    'het begint met „{character}”, wat geen e-mailprovider uitgeeft en wat een spreadsheet als formule leest',
  'sentence.email.problem.local-character': 'het teken „{character}” is niet toegestaan vóór de @',
  'sentence.email.problem.domain-no-dot':
    'het domein na de @ heeft geen punt, zoals in example.com',
  'sentence.email.problem.domain-dot': 'het domein na de @ bevat een punt op een verkeerde plaats',
  'sentence.email.problem.label-too-long': 'een deel van het domein is langer dan 63 tekens',
  'sentence.email.problem.label-hyphen':
    'een deel van het domein begint of eindigt met een koppelteken',
  'sentence.email.problem.domain-character':
    'het teken „{character}” is niet toegestaan in een domein',
  'sentence.email.problem.tld-number': 'het domein eindigt op een getal',
  'sentence.email.problem.tld-short': 'het laatste deel van het domein is te kort',
  'sentence.language.invalid':
    'Regel {line}: „{value}” is geen taal die Courier herkent; schrijf een code van twee letters, zoals EN, FR, NL of DE.',
  'sentence.language.normalised': 'Regel {line}: de taal „{value}” wordt verstuurd als „{code}”.',
  'sentence.phone.invalid':
    'Regel {line}: „{value}” is geen geldig telefoonnummer (standaardland: {country}).',
  'sentence.phone.elsewhere':
    'Als het een buitenlands nummer is ({otherCountry}), is de internationale vorm {international}.',
  'sentence.phone.leading-zero':
    'Regel {line}: „{value}” verloor zijn voorloopnul (Excel haalt die weg bij getallen); het wordt gelezen als {restored} en verstuurd als „{sent}”.',
  'sentence.phone.extension-dropped':
    'Regel {line}: „{value}” wordt verstuurd als „{sent}”, zonder toestelnummer {extension}: telefoonnummers worden in internationale vorm verstuurd, waarin daar geen plaats voor is.',
  'sentence.date.invalid': 'Regel {line}: „{value}” is geen datum in de vorm {format}.',
  'sentence.date.reads-as': 'In die vorm is dat {reading}.',
  'sentence.date.time-skipped':
    'Regel {line}: „{value}” heeft nooit bestaan in {zone}: de klok sprong over dat uur (begin van de zomertijd). Controleer het tijdstip.',
  'sentence.date.time-twice':
    'Regel {line}: „{value}” kwam twee keer voor in {zone} (de klok ging terug); het wordt gelezen als de eerste keer, om UTC{offset}.',
  'sentence.number.invalid': 'Regel {line}: „{value}” in {column} is geen getal.',
  'sentence.value.not-allowed':
    'Regel {line}: „{value}” is niet toegestaan in {column}; toegestane waarden zijn {allowed}.',
  'sentence.list.separator-in-item':
    'Regel {line}: het element „{value}” van {column} bevat „{separator}”, dat de elementen van deze lijst scheidt. Verwijder of vervang het.',
  'sentence.recording.missing': 'Regel {line}: de opname „{value}” staat niet in de map.',
  'sentence.recording.unreadable':
    'Regel {line}: de opname „{value}” staat in de map, maar Courier mag ze niet lezen. Vraag er leestoegang toe.',
  'sentence.contact.missing': {
    one: 'Regel {line}: {columns} bevat geen geldige waarde, dus {destination} zou dit contact weigeren.',
    other:
      'Regel {line}: geen van de kolommen {columns} bevat een geldige waarde, dus {destination} zou dit contact weigeren.',
  },
  'sentence.duplicate.key': {
    one: 'Regel {line} heeft dezelfde waarde in {key} als regel {firstLine}.',
    other: 'Regel {line} heeft dezelfde waarden in {key} als regel {firstLine}.',
  },
  'sentence.duplicate.left-out': 'Deze rij wordt weggelaten: alleen de eerste wordt verstuurd.',
  'sentence.duplicate.kept': 'Beide worden verstuurd.',

  'sentence.text.invalid-bytes':
    'Regel {line}: „{value}” in {column} bevat bytes die geen geldige UTF-8 zijn ({bytes}); gelezen als Windows-1252 is het „{reading}”.',
  'sentence.text.control-characters':
    'Regel {line}: „{value}” in {column} bevat een onzichtbaar stuurteken (getoond als een symbool zoals ␀), dat nooit in een bestand wordt geschreven.',
  'sentence.output.delimiter.tab':
    'Regel {line}: de waarde „{value}” in {column} bevat een tab, die dit bestandsformaat zonder aanhalingstekens niet kan bevatten. Verwijder of vervang die.',
  'sentence.output.delimiter.separator':
    'Regel {line}: de waarde „{value}” in {column} bevat {delimiter}, die in dit bestand de waarden scheidt en niet tussen aanhalingstekens kan staan. Verwijder of vervang dat teken.',
  'sentence.delimiter.comma': 'een komma (,)',
  'sentence.delimiter.semicolon': 'een puntkomma (;)',
  'sentence.delimiter.tab': 'een tab',
  'sentence.delimiter.pipe': 'een verticale streep (|)',
  'sentence.output.line-break':
    'Regel {line}: de waarde in {column} bevat een regeleinde, dat dit bestandsformaat niet kan bevatten. Verwijder het.',
  'sentence.output.quote':
    'Regel {line}: de waarde „{value}” in {column} bevat een dubbel aanhalingsteken ("); in een bestand zonder aanhalingstekens lezen sommige platforms dat verkeerd. Verwijder het liefst.',
  'sentence.output.unencodable':
    'Regel {line}: „{value}” bevat „{character}”, dat niet in {encoding} kan worden geschreven. Vervang dat teken, of kies UTF-8 voor deze bestemming.',
  'sentence.encoding.western': 'de West-Europese codering ({name})',
  'sentence.encoding.utf-8': 'de UTF-8-codering',
  'sentence.output.formula-neutralised':
    'Regel {line}: „{value}” begint als een spreadsheetformule en wordt daarom verstuurd als „{sent}”, zodat een spreadsheet het niet uitvoert.',
  'sentence.limit.row-too-large':
    'Regel {line} alleen is al groter dan de {size} die {destination} per bestand toelaat.',
};
