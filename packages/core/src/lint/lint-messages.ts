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
  pictureSuffix: {
    en: '{message} (in the picture: {picture})',
    de: '{message} (im Bild: {picture})',
    fr: '{message} (dans l’image : {picture})',
    zh: '{message}（图片：{picture}）',
    ar: '{message} (في الصورة: {picture})',
  },
  missingPictureDescription: {
    en: '{title}: the pictures of this ad are not described (no alt text, no feed field "{field}"), so what they show is not checked',
    de: '{title}: Die Bilder dieser Anzeige sind nicht beschrieben (kein Alt-Text, kein Feed-Feld „{field}“), was sie zeigen, wird daher nicht geprüft',
    fr: '{title} : les images de cette annonce ne sont pas décrites (pas de texte alternatif, pas de champ « {field} »), leur contenu n’est donc pas vérifié',
    zh: '{title}：此广告的图片没有描述（无替代文字，无数据字段“{field}”），因此无法检查图片内容',
    ar: '{title}: صور هذا الإعلان غير موصوفة (لا نص بديل ولا حقل "{field}")، لذلك لا يُفحص ما تعرضه',
  },
  missingPictureDescriptionFix: {
    en: 'Describe the pictures: an "alt" on the image layer, or a "{field}" column in the feed',
    de: 'Bilder beschreiben: ein „alt“ an der Bildebene oder eine Spalte „{field}“ im Feed',
    fr: 'Décrivez les images : un « alt » sur le calque image, ou une colonne « {field} » dans le flux',
    zh: '为图片添加描述：在图片图层上设置 alt，或在数据源中添加“{field}”列',
    ar: 'صِف الصور: نص "alt" في طبقة الصورة، أو عمود "{field}" في البيانات',
  },
} satisfies Record<string, LocalizedText>

/** A rule's message for a finding in a picture's description: the message with where it was found. */
export function inPicture(message: LocalizedText): LocalizedText {
  const out = {} as LocalizedText
  for (const lang of Object.keys(message) as Array<keyof LocalizedText>) out[lang] = fillMessage(lintMessages.pictureSuffix[lang], { message: message[lang] })
  return out
}

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
