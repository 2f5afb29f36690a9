/**
 * Made-up people for the demo street: common Chinese surnames (weighted roughly by how
 * common they are) and given names, and mobile numbers that look real but are random.
 */
import type { SeededRandom } from './random';

export type Gender = 'male' | 'female';

interface PersonName {
  name: string;
  gender: Gender;
}

/** The most common surnames first, with a rough weight each. */
// prettier-ignore
const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['王', 72], ['李', 70], ['张', 66], ['刘', 54], ['陈', 46], ['杨', 33], ['黄', 25],
  ['赵', 22], ['吴', 21], ['周', 20], ['徐', 15], ['孙', 15], ['马', 13], ['朱', 13],
  ['胡', 12], ['郭', 12], ['何', 11], ['高', 10], ['林', 10], ['罗', 9], ['郑', 9],
  ['梁', 8], ['谢', 7], ['宋', 7], ['唐', 7], ['许', 6], ['韩', 6], ['冯', 6], ['邓', 6],
  ['曹', 5], ['彭', 5], ['曾', 5], ['肖', 5], ['田', 5], ['董', 5], ['袁', 4], ['潘', 4],
  ['于', 4], ['蒋', 4], ['蔡', 4], ['余', 4], ['杜', 4], ['叶', 4], ['程', 4], ['苏', 3],
  ['魏', 3], ['吕', 3], ['丁', 3], ['任', 3], ['沈', 3], ['姚', 3], ['卢', 3], ['姜', 3],
  ['崔', 3], ['钟', 2], ['谭', 2], ['陆', 2], ['汪', 2], ['范', 2], ['金', 2], ['石', 2],
  ['廖', 2], ['贾', 2], ['夏', 2], ['韦', 2], ['付', 2], ['方', 2], ['白', 2], ['邹', 2],
  ['孟', 2], ['熊', 2], ['秦', 2], ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['闫', 2],
  ['段', 1], ['雷', 1], ['侯', 1], ['龙', 1], ['史', 1], ['陶', 1], ['黎', 1], ['贺', 1],
  ['顾', 1], ['毛', 1], ['郝', 1], ['龚', 1], ['邵', 1], ['万', 1], ['钱', 1], ['严', 1],
];

// prettier-ignore
const MALE_GIVEN = [
  '伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '明', '刚', '平', '辉', '鹏', '华',
  '飞', '鑫', '波', '宇', '浩', '凯', '健', '俊', '帆', '帅', '旭', '宁', '龙', '林', '洋',
  '建', '国', '志', '文', '海', '东', '峰', '晨', '立', '新', '永', '春', '成', '德', '亮',
];
// prettier-ignore
const FEMALE_GIVEN = [
  '芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '燕', '玲', '婷', '丹', '萍', '红', '颖',
  '琳', '雪', '慧', '洁', '倩', '莉', '梅', '晶', '欣', '悦', '佳', '琴', '云', '岚', '蕾',
  '秀', '兰', '桂', '淑', '英', '月', '小', '晓', '美', '春', '文', '凤', '金', '玉', '雅',
];

export function personName(random: SeededRandom, gender?: Gender): PersonName {
  const chosen: Gender = gender ?? (random.chance(0.5) ? 'male' : 'female');
  const given = chosen === 'male' ? MALE_GIVEN : FEMALE_GIVEN;
  const surname = random.weighted(SURNAMES);
  // About a third of given names are a single character.
  const first = random.pick(given);
  const name = random.chance(0.32) ? surname + first : surname + first + random.pick(given);
  return { name, gender: chosen };
}

/** Mobile prefixes of the three carriers: 13x, 15x (no 154), 18x. */
// prettier-ignore
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139',
  '150', '151', '152', '153', '155', '156', '157', '158', '159',
  '180', '181', '182', '183', '184', '185', '186', '187', '188', '189',
];

/** An 11-digit mobile number. */
export function mobileNumber(random: SeededRandom): string {
  let number = random.pick(MOBILE_PREFIXES);
  for (let i = 0; i < 8; i++) number += String(random.int(0, 9));
  return number;
}
