/** Israeli 9-digit ids (ת.ז., ע.מ., ח.פ.): Luhn-style check digit, weights 1,2,1,2…; shorter ids are zero-padded. */
export function isValidIsraeliId(value: string): boolean {
  const digits = value.replace(/[\s-]/g, "");
  if (!/^\d{5,9}$/.test(digits)) return false;
  const padded = digits.padStart(9, "0");
  let sum = 0;
  for (let i = 0; i < 9; i += 1) {
    let step = Number(padded[i]) * ((i % 2) + 1);
    if (step > 9) step -= 9;
    sum += step;
  }
  return sum % 10 === 0 && Number(padded) > 0;
}
