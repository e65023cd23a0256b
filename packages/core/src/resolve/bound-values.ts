/** A money amount with its ISO 4217 currency. */
export interface MoneyValue {
  amount: number
  currency: string
}

/** One variable's value after binding a data row: typed by the variable's declared type. */
export type BoundValue = string | number | boolean | MoneyValue

/** A row's values by variable name. Absent optional variables are missing keys. */
export type BoundValues = Record<string, BoundValue | undefined>
