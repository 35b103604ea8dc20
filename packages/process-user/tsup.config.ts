import { lambdaBundle } from '@signup/lambda-build/tsup';
import { defineConfig } from 'tsup';

export default defineConfig(lambdaBundle());
