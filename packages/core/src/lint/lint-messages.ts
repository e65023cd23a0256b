import type { LocalizedText, UiLanguage } from './rule-pack.js'

/** Messages lint writes itself, in every UI language. Placeholders: `{name}`. */
export const lintMessages = {
  missingField: {
    en: '{title}: the claim "{match}" needs the feed field "{field}" to be checked, and the row has none',
    de: '{title}: Die Aussage „{match}“ braucht das Feed-Feld „{field}“ zur Prüfung, die Zeile hat keines',
    fr: '{title} : l’allégation « {match} » nécessite le champ « {field} » du flux pour être vérifiée, et la ligne n’en a pas',
    zh: '{title}：声明“{match}”需要数据字段“{field}”才能核查，但该行没有此字段',
    ar: '{title}: الادعاء "{match}" يحتاج إلى حقل البيانات "{field}" للتحقق منه، والصف لا يحتويه',
  },
  missingFieldFix: {
    en: 'Add the column "{field}" to the feed (or map it with the lint option "fields"), or remove the claim',
    de: 'Spalte „{field}“ zum Feed hinzufügen (oder mit der Lint-Option „fields“ zuordnen) oder die Aussage entfernen',
    fr: 'Ajoutez la colonne « {field} » au flux (ou associez-la avec l’option « fields »), ou retirez l’allégation',
    zh: '在数据源中添加“{field}”列（或用 lint 选项 fields 映射），或删除该声明',
    ar: 'أضف العمود "{field}" إلى البيانات (أو اربطه بخيار fields) أو احذف الادعاء',
  },
  notYetInForce: {
    en: '{message} (applies from {date})',
    de: '{message} (gilt ab {date})',
    fr: '{message} (applicable à partir du {date})',
    zh: '{message}（自 {date} 起适用）',
    ar: '{message} (يسري اعتبارًا من {date})',
  },
} satisfies Record<string, LocalizedText>

/** Fills `{name}` placeholders; unknown names stay as they are. */
export function fillMessage(template: string, values: Readonly<Record<string, string | number | undefined>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = values[name]
    return v === undefined ? whole : String(v)
  })
}

/** The text in a UI language, English when it is missing. */
export function inLanguage(text: Partial<LocalizedText>, language: UiLanguage): string {
  return text[language] ?? text.en ?? ''
}
