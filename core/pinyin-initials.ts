/**
 * Pinyin initials (拼音首字母) of a Chinese name, e.g. 机动车乱停放 → JDCLTF, so operators
 * can pick a category by typing "jdc". No dictionary: the zh collation of the ICU data that
 * ships with Node and Electron sorts Hanzi by pinyin, so the letter is found by comparing a
 * character with the first Hanzi of each initial. Polyphones get the reading ICU prefers
 * (行道树 → XDS); where the runtime has no zh collation, the answer is null.
 */

/** The first Hanzi (in pinyin order) of each initial letter; I, U and V begin no syllable. */
// prettier-ignore
const BOUNDARIES: ReadonlyArray<readonly [string, string]> = [
  ['阿', 'A'], ['八', 'B'], ['嚓', 'C'], ['哒', 'D'], ['妸', 'E'], ['发', 'F'], ['旮', 'G'],
  ['哈', 'H'], ['讥', 'J'], ['咔', 'K'], ['垃', 'L'], ['妈', 'M'], ['拏', 'N'], ['噢', 'O'],
  ['妑', 'P'], ['七', 'Q'], ['呥', 'R'], ['仨', 'S'], ['他', 'T'], ['穵', 'W'], ['夕', 'X'],
  ['丫', 'Y'], ['帀', 'Z'],
];

let collator: Intl.Collator | null | undefined;

function pinyinCollator(): Intl.Collator | null {
  if (collator !== undefined) return collator;
  const candidate = new Intl.Collator('zh-CN');
  // Without zh data the collator falls back to code-point order, where 八 sorts after 阿.
  const works =
    candidate.resolvedOptions().locale.startsWith('zh') &&
    candidate.compare('八', '阿') > 0 &&
    candidate.compare('中', '阿') > 0 &&
    candidate.compare('中', '八') > 0;
  collator = works ? candidate : null;
  return collator;
}

const HANZI = /\p{Script=Han}/u;

/** Upper-case initials; Latin letters and digits are kept; other characters are skipped. */
export function pinyinInitials(text: string): string | null {
  const compare = pinyinCollator();
  if (!compare) return null;
  let initials = '';
  for (const char of text) {
    if (/[A-Za-z0-9]/.test(char)) {
      initials += char.toUpperCase();
      continue;
    }
    if (!HANZI.test(char)) continue;
    let letter = '';
    for (const [boundary, initial] of BOUNDARIES) {
      if (compare.compare(char, boundary) >= 0) letter = initial;
      else break;
    }
    initials += letter;
  }
  return initials;
}
