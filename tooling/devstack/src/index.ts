export { startKafkaMock, KafkaMockStartError, type KafkaMock } from './kafka-mock.js';
