/** `t(key, params)`: the message in the current language with `{name}` filled in. */
import type { Dictionary, MessageKey } from './zh-CN';

type MessageParams = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function createTranslate(dictionary: Dictionary): Translate {
  return (key, params) => {
    const message = dictionary[key];
    if (!params) return message;
    return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : String(value);
    });
  };
}
