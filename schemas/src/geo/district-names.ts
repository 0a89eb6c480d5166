// English names for the demo city's districts: the source file has Chinese names only (PROVENANCE.md).
// A district file of another city may carry `name_en` itself, which wins over this table.
export const DISTRICT_NAMES_EN: Readonly<Record<string, string>> = {
  '440303': 'Luohu',
  '440304': 'Futian',
  '440305': 'Nanshan',
  '440306': "Bao'an",
  '440307': 'Longgang',
  '440308': 'Yantian',
  '440309': 'Longhua',
  '440310': 'Pingshan',
  '440311': 'Guangming',
};
