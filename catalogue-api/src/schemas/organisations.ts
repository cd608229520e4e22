import { Type } from 'typebox';

/** An organisation: what it publishes, its sources, its OINs and FSC peers. */
export const Organisation = Type.Object({
  iri: Type.String({ description: 'The organisation as publishers name it (dct:publisher), or as its sources are registered' }),
  name: Type.Union([Type.String(), Type.Null()], { description: 'Its foaf:name as published; null when only registered' }),
  datasets: Type.Integer({ description: 'Datasets it publishes in the catalogue' }),
  dataServices: Type.Integer({ description: 'Data services (APIs) it publishes' }),
  sources: Type.Array(Type.String(), { description: 'Ids of the sources registered for it' }),
  oins: Type.Array(Type.String(), { description: 'Its OINs: adms:identifier notations of 20 digits, or the FSC peer id its own data services give' }),
  fscPeers: Type.Array(Type.Object({ groupId: Type.String(), peerId: Type.String(), name: Type.String(), managerAddress: Type.String() }),
    { description: 'FSC peers with one of its OINs in the harvested FSC Directories (the OIN ↔ TOOI crosswalk)' }),
});
