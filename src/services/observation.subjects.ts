/** The subject registry as it stands: the catalogue (built-in and stored entries) and the data elements. */
import type { CatalogueRepository } from '../db/catalogue.repository.ts';
import { dataElements } from '../domain/catalogue/elements.ts';
import { subjectRegistry } from '../domain/observations/subjects.ts';
import type { SubjectRegistry } from '../domain/observations/subjects.ts';
import { loadCatalogue } from './catalogue.service.ts';

/** Every indicator and data element a figure can be reported for. */
export async function loadSubjects(catalogue: CatalogueRepository): Promise<SubjectRegistry> {
  return subjectRegistry((await loadCatalogue(catalogue)).entries, dataElements);
}
