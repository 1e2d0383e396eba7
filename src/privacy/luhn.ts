/**
 * The Luhn (mod 10) check digit test of ISO/IEC 7812 payment cards and Canadian SINs: from the right,
 * every second digit is doubled (minus 9 when above 9) and the digit sum must be a multiple of 10.
 * Of random digit strings, one in ten passes.
 */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
