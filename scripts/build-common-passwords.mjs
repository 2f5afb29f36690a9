#!/usr/bin/env node
/**
 * Builds assets/reference/common-passwords.txt, the list new passwords are checked against
 * (api/passwords.ts). Run once by hand when the list should change; the output is committed.
 *
 *   npm pack @zxcvbn-ts/language-common && tar xzf zxcvbn-ts-language-common-*.tgz
 *   node scripts/build-common-passwords.mjs package/src/passwords.json
 *
 * The source is zxcvbn-ts's frequency-ranked password list (MIT, from Dropbox's zxcvbn,
 * itself from public leak statistics). We keep its commonest TOP entries of any length, every
 * further entry of the minimum length or more (shorter ones are refused by length anyway),
 * and the favourites of Chinese users below, which that English-leaning list misses.
 */
import fs from 'node:fs';
import path from 'node:path';

const TOP = 5000;
const MIN_LENGTH = 10;

/** Written by hand from the published analyses of the CSDN, 12306 and Tianya leaks. */
const CHINESE_FAVOURITES = `
123456789 a123456 a123456789 123456789a woaini1314 qwertyuiop admin123 password 1qaz2wsx
1qaz2wsx3edc 5201314 1314520 5201314520 1314520521 521521521 woaini520 woaini521 woaini
woaini123 woaini1234 woaini12345 woaini5201314 woainima woaiwojia woaiwojia123 wodemima
mima123456 caonima iloveyou iloveyou1314 iloveyou520 aini1314 aini5201314 7758521 7758258
584520 520520 3344520 1314521 147258369 1472583690 147258369a 147258369369 159357258
159357456 159753 987654321 9876543210 123456789123 1234567890 0123456789 12345678900
123123123 123123123123 123321123 112233 11223344 1122334455 112233445566 11111111
1111111111 0000000000 00000000 88888888 8888888888 66666666 6666666666 99999999 9999999999
5555555555 12344321 1234554321 123454321 123456654321 13800138000 13888888888 18888888888
qq123456 qq12345678 qq123456789 qq1234567890 aa123456 aa123456789 aaa123456 aaa123456789
abc123456 abc1234567 abc12345678 abc123456789 abcd123456 abcd1234 1234abcd 123456abcd
a1234567 a12345678 a1234567890 a123123123 a5201314 a11111111 a111111111 aa11111111
zxc123456 zxc123456789 zxcvbnm zxcvbnm123 zxcvbnm123456 asd123456 asd123456789 asdasd
asdasdasd asdfghjkl asdfghjkl123 asdf123456 qwe123 qwe123456 qwe1234567 qwe123456789
qwer1234 qwer123456 qwerty123456 1234qwer 1234qwerasdf qwertyuiop123 qweasdzxc
qweasdzxc123 123qweasdzxc 1q2w3e4r5t 1q2w3e4r5t6y 1q2w3e4r5t6y7u q1w2e3r4t5 q1w2e3r4t5y6
1qaz2wsx3edc4rfv zaq12wsx zaq1xsw2 1qazxsw2 2wsx3edc admin admin888 admin1234 admin12345
admin123456 admin123456789 administrator admin@123 admin@1234 admin@12345 admin@123456
Admin@123 Admin@1234 Admin@12345 Admin@123456 admin2024 admin2025 admin2026 admin2027
root root123 root123456 root@123 toor test1234 test123456 guest guest123 sysadmin
system123 manager123 P@ssw0rd P@ssw0rd123 P@ssword P@ssword123 Passw0rd Passw0rd123
password1 password12 password123 password1234 password12345 password123456 password@123
Password@123 Password123 Password1234 Abc@123 Abc@123456 Abcd@1234 Abcd@12345 Abc123456
Abc123456789 Aa123456 Aa12345678 Aa123456789 Aa@123456 Aa@12345678 Qq123456 Qq12345678
Qwer@1234 Qwer@12345 Qwe@123456 qwer@1234 1qaz@WSX 1qaz@WSX3edc 1qaz!QAZ 1qaz!QAZ2wsx
!QAZ2wsx !QAZ2wsx3edc woshishui woshishei zhongguo zhongguo123 zhongguo1949 china123
china123456 beijing beijing123 beijing2008 shanghai shanghai123 nanjing123 wuhan123456
guangzhou shenzhen shenzhen123 tianjin123 chongqing123 zhangwei zhangwei123 wangwei
wangwei123 liwei123456 zhang123456 wang123456 li123456789 liu123456 chen123456
yang123456 huang123456 zhao123456 xiaoming xiaoming123 dongdong xiaoxiao xiaoxiao123
tiantian tiantian123 wangyang wangjing zhangjing zhangmin zhangmin123 liuyang liuyang123
chenjing chenjing123 wangjianguo lovelove lovelove1314 sunshine sunshine123 fuckyou123
111222tianya tianya123 csdn123456 csdn.net 12306 123456.com dearbook 163.com 12345.com
qingdao hangzhou suzhou123 xiamen123 chengdu123 xian123456 jiangsu zhejiang123 wodeai
wo123456 wo123456789 ni123456 ta123456 hello123456 hello12345 helloworld hello1234
welcome123 welcome1234 letmein123 monkey123456 dragon123456 superman123 baobei520
baobei1314 laopo520 laogong520 laopo1314 laogong1314 meimei123 gege123456 jiejie123
mama123456 baba123456 woaimama woaibaba woaimama123 wangzhe123 yingxiong lianmeng123
qazwsxedc qazwsxedc123 qazwsx123 qazwsx123456 1234567890a 123456789abc 0987654321
123456789. 123456789+ 12345678a 12345678910 1234567891 12345678901 20082008 20102010
20202020 20242024 20252025 20262026 19491001 19900101 19901010 19951995 19881988
shouji123 diannao123 jisuanji mimamima mimamima123 zhihui123 zhihuizhongxin wangge123
wanggeyuan jiedao123 shequ123 zhengwu123 12345hotline griddesk griddesk123 griddesk2026
`;

const source = process.argv[2];
if (!source) {
  console.error('usage: node scripts/build-common-passwords.mjs path/to/passwords.json');
  process.exit(2);
}
const ranked = JSON.parse(fs.readFileSync(source, 'utf8'));
if (!Array.isArray(ranked) || ranked.length < TOP) {
  console.error(`${source} is not a ranked list of at least ${TOP} passwords`);
  process.exit(1);
}
const seen = new Set();
const lines = [];
const add = (entry) => {
  const key = String(entry).trim().normalize('NFC').toLowerCase();
  if (key === '' || key.startsWith('#') || seen.has(key)) return;
  seen.add(key);
  lines.push(key);
};
CHINESE_FAVOURITES.split(/\s+/).forEach(add);
ranked.slice(0, TOP).forEach(add);
ranked.slice(TOP).forEach((entry) => {
  if ([...String(entry)].length >= MIN_LENGTH) add(entry);
});
const out = path.resolve(import.meta.dirname, '../assets/reference/common-passwords.txt');
const header = [
  '# The commonest passwords: a new password equal to one of these (ignoring case) is refused.',
  '# Built by scripts/build-common-passwords.mjs from @zxcvbn-ts/language-common (MIT,',
  "# Dropbox's zxcvbn frequency list) plus Chinese users' favourites. One per line, lower case.",
];
fs.writeFileSync(out, `${header.join('\n')}\n${lines.join('\n')}\n`);
console.log(`${lines.length} passwords → ${path.relative(process.cwd(), out)}`);
