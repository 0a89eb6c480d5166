export { startKafkaMock, KafkaMockStartError, type KafkaMock, type KafkaMockOptions } from './kafka-mock.js';
