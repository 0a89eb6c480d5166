// One SubjectCatalog per test file: building the district index polyfills Shenzhen once (~1 s).
import { DistrictIndex, loadDistricts } from '@citybrain/schemas/geo';
import { SubjectCatalog } from '../../src/subjects/catalog.js';

let catalog: SubjectCatalog | undefined;

export function shenzhenCatalog(): SubjectCatalog {
  catalog ??= new SubjectCatalog(new DistrictIndex(loadDistricts()));
  return catalog;
}
