// i18next with the two catalogues; <html lang dir> follows the language.
import i18next from "i18next";
import { initReactI18next, useTranslation } from "react-i18next";
import { en } from "../locales/en";
import { he } from "../locales/he";
import type { Language } from "./format";

const STORED = "invoiceme.language";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
    returnNull: false;
  }
}

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORED);
  if (stored === "he" || stored === "en") return stored;
  return navigator.language?.toLowerCase().startsWith("he") ? "he" : "en";
}

export function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = language === "he" ? "rtl" : "ltr";
}

export function setupI18n(language: Language = initialLanguage()) {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, he: { translation: he } },
    lng: language,
    fallbackLng: "en",
    interpolation: { escapeValue: false }, // React escapes
    returnObjects: true,
  });
  applyDocumentLanguage(language);
  i18next.on("languageChanged", (next) => applyDocumentLanguage(next === "he" ? "he" : "en"));
  return i18next;
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORED, language);
  void i18next.changeLanguage(language);
}

/** The current language, typed for the formatters. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === "he" ? "he" : "en";
}
