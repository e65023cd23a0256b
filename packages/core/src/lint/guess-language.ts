/**
 * A small language guess for short ad texts, enough to tell whether a block is French, English,
 * German, another script, or cannot be told: common words of each language (normalised: lower
 * case, accents dropped, ä → ae) and the script of the letters.
 */

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean))

const FRENCH = words(`
le la les un une des du de d l au aux et ou mais donc car ni que qui quoi dont ou ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs
je tu il elle on nous vous ils elles me te se lui y en ne pas plus moins tres trop bien tout tous toute toutes avec sans pour par sur sous dans entre chez vers contre
est sont etre avoir a ont fait faire peut voir ici voici nouveau nouvelle nouveaux nouvelles meilleur meilleure prix offre offres promo promotion soldes remise reduction
livraison gratuite gratuit offert offerte achetez acheter commandez decouvrez profitez jusqu jour jours semaine mois an ans annee maintenant seulement seul seule
chaussure chaussures basket baskets tasse cafe the sac robe chemise pantalon veste manteau montre lunettes parfum creme soin peau visage corps cheveux beaute maison cuisine jardin
enfant enfants femme femmes homme hommes fille garcon bebe taille couleur noir noire blanc blanche rouge bleu bleue vert verte jaune gris grise rose marron
qualite confort elegant elegante doux douce leger legere chaud chaude froid naturel naturelle fabrique france francais francaise produit produits collection ete hiver printemps automne
cuir coton laine lin soie bois verre acier emaillee emaille matin soir nuit vie amour cadeau cadeaux noel fete fetes idee idees style mode tendance magasin boutique
neuf neuve petit petite grand grande haut haute bas basse long longue court courte ans ete votre vos nos decouvrir essayer plaisir gout saveur ecologique durable
`)

const ENGLISH = words(`
the a an and or but of to in on at for with without from by as is are was were be been being it its this that these those you your our we they their he she his her
my me us them not no yes all any some more most less new now only just get buy shop order save off free sale deal deals best better great top hot today week month year
shoes shoe sneaker sneakers runner running trail boot boots bag dress shirt jacket coat watch glasses perfume cream skin face body hair beauty home kitchen garden
kid kids women woman men man girl boy baby size color colour black white red blue green yellow grey gray pink brown quality comfort soft light warm cool natural
made product products collection summer winter spring autumn fall leather cotton wool linen silk wood glass steel morning night life love gift gifts christmas style
fashion trend store limited edition exclusive premium pro waterproof cushioned sole classic original everyday ultimate perfect fresh shipping delivery discover try
click here link bio follow like share swipe up tap now only get it while stocks last happy hour weekend back school black friday cyber monday up to from was now
`)

const GERMAN = words(`
der die das den dem des ein eine einer eines einem einen und oder aber mit ohne fuer von zu zum zur im in auf aus bei nach vor ueber unter ist sind war waren sein
wir ihr sie er es du ich unser unsere ihre ihr dein deine nicht kein keine nur jetzt neu neue neuer neues beste bester bestes besten preis preise angebot angebote
kaufen bestellen gratis kostenlos versand lieferung rabatt sparen heute woche monat jahr schuhe schuh tasche kleid hemd jacke mantel uhr brille duft haut gesicht
koerper haare schoenheit haus kueche garten kinder frauen maenner groesse farbe schwarz weiss rot blau gruen gelb grau rosa braun qualitaet bequem weich leicht warm
natuerlich hergestellt produkt produkte kollektion sommer winter fruehling herbst leder baumwolle wolle holz glas stahl morgen abend leben liebe geschenk weihnachten
testsieger stiftung warentest note gut sehr statt jetzt nur noch solange vorrat reicht
`)

/** Loanwords and words shared across languages that say nothing about the language. */
const NEUTRAL = words(`
ok okay pizza jeans whisky week-end weekend design web internet email e-mail smartphone tablet laptop app apps wifi wi-fi bluetooth usb hd 4k led sms tv
sport sports fitness yoga club bar hotel taxi menu chef cool look style stop snack sandwich ketchup marketing shopping star stars vip
`)

/** The languages {@link guessLanguage} tells apart. `other` is another script; `unknown` has no telling words. */
export type GuessedLanguage = 'fr' | 'en' | 'de' | 'ar' | 'zh' | 'other' | 'unknown'

/** What a text block is written in, with the words that decided it (normalised positions). */
export interface LanguageGuess {
  language: GuessedLanguage
  /** Words counted per language. */
  counts: Record<'fr' | 'en' | 'de', number>
  /** Positions `[start, end)` of the words that are foreign to `language`'s rival, for spans. */
  foreign: Array<{ start: number; end: number; language: 'en' | 'de' | 'other' }>
  /** The block has letters of a script other than Latin. */
  scripts: Set<'latin' | 'arabic' | 'han' | 'other'>
}

const wordPattern = /[\p{L}\p{M}]+(?:[-'][\p{L}\p{M}]+)*/gu

/**
 * Guesses the language of a normalised text block (see `normalizeText`).
 *
 * @param exempt - Normalised loanwords, trademarks and names that count for no language.
 */
export function guessLanguage(text: string, exempt: ReadonlySet<string> = new Set()): LanguageGuess {
  const counts = { fr: 0, en: 0, de: 0 }
  const foreign: LanguageGuess['foreign'] = []
  const scripts = new Set<'latin' | 'arabic' | 'han' | 'other'>()
  wordPattern.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = wordPattern.exec(text))) {
    const w = m[0]
    const start = m.index
    const end = start + w.length
    if (/[\u0600-\u06ff]/.test(w)) {
      scripts.add('arabic')
      continue
    }
    if (/[\u3400-\u9fff]/.test(w)) {
      scripts.add('han')
      foreign.push({ start, end, language: 'other' })
      continue
    }
    if (!/[a-z]/.test(w)) {
      scripts.add('other')
      foreign.push({ start, end, language: 'other' })
      continue
    }
    scripts.add('latin')
    if (exempt.has(w) || NEUTRAL.has(w) || w.length < 2) continue
    const parts = w.includes("'") ? w.split("'").filter((p) => p.length > 1) : [w]
    for (const part of parts) {
      const fr = FRENCH.has(part)
      const en = ENGLISH.has(part)
      const de = GERMAN.has(part)
      // A word of several languages (collection, menu) tells nothing.
      if (fr && !en && !de) counts.fr++
      if (en && !fr) {
        counts.en++
        foreign.push({ start, end, language: 'en' })
      }
      if (de && !fr && !en) {
        counts.de++
        foreign.push({ start, end, language: 'de' })
      }
    }
  }
  let language: GuessedLanguage = 'unknown'
  if (scripts.has('arabic') && !scripts.has('latin')) language = 'ar'
  else if (scripts.has('han') && !scripts.has('latin')) language = 'zh'
  else if (scripts.has('other') && !scripts.has('latin')) language = 'other'
  else {
    const best = (Object.entries(counts) as Array<['fr' | 'en' | 'de', number]>).sort((a, b) => b[1] - a[1])[0]!
    if (best[1] > 0) language = counts.fr >= best[1] ? 'fr' : best[0]
    else if (scripts.has('han')) language = 'zh'
    else if (scripts.has('arabic')) language = 'ar'
  }
  return { language, counts, foreign, scripts }
}

/** True when the text has Arabic letters. */
export function hasArabic(text: string): boolean {
  return /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/.test(text)
}
