// English is in the shell's chunk (it is every chain's last step); every other language is its own chunk.
import { en, type Catalogue } from './en';
import type { Language } from '../languages';

const loaders: Record<Exclude<Language, 'en'>, () => Promise<Catalogue>> = {
  ru: () => import('./ru').then((module) => module.ru),
  kk: () => import('./kk').then((module) => module.kk),
  ky: () => import('./ky').then((module) => module.ky),
  tg: () => import('./tg').then((module) => module.tg),
  tk: () => import('./tk').then((module) => module.tk),
  uz: () => import('./uz').then((module) => module.uz),
};

export function loadCatalogue(language: Language): Promise<Catalogue> {
  return language === 'en' ? Promise.resolve(en) : loaders[language]();
}
