// MediaGen on Azure: Function App (Flex Consumption, .NET isolated) + Storage (media, inbox,
// queues, Durable Functions task hub) + Application Insights + Key Vault for provider keys.
//
//   az group create -n mediagen-rg -l westeurope
//   az deployment group create -g mediagen-rg -f infra/main.bicep -p infra/main.parameters.json
//
// Provider keys are NOT parameters of this template: put them into the Key Vault it creates
// (secret names below); the app reads them through Key Vault references.
//
// Storage is reached with the app's managed identity (identity-based AzureWebJobsStorage, role assignments
// below); shared-key access is off, and the account's firewall admits the app's subnet (VNet integration,
// service endpoint) and the listed IP ranges only. README.md ("Deploying the infrastructure") says what remains open.

targetScope = 'resourceGroup'

@description('Short name used to derive resource names (3-11 lowercase letters/digits).')
@minLength(3)
@maxLength(11)
param appName string = 'mediagen'

@description('Region of every resource.')
param location string = resourceGroup().location

@description('.NET version of the isolated worker.')
param dotnetVersion string = '10.0'

@description('Maximum instances the Flex Consumption plan scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory per instance (MB).')
@allowed([ 512, 2048, 4096 ])
param instanceMemoryMB int = 2048

@description('Durable Functions task hub name (3-45 letters/digits, starting with a letter). Not the standalone host\'s default (MediaGen), so the two never share a hub by accident when pointed at one storage account.')
@minLength(3)
@maxLength(45)
param taskHubName string = 'MediaGenFunctions'

@description('Cosmic AI bucket slug (not a secret).')
param cosmicBucketSlug string = ''

@description('Public base URL of the app (e.g. https://<app>.azurewebsites.net or a custom domain), where Pixazo posts webhooks to /api/webhooks/pixazo/{jobId}. Empty: Pixazo jobs poll only.')
param publicBaseUrl string = ''

@description('Name of a Key Vault secret holding a second callback signing key (whsec_ form) while a key rotation is under way; every callback then carries both signatures. Empty: one signature.')
param callbackSecondaryVaultItem string = ''

@description('Subscribe the BlobInbox function to the inbox container\'s BlobCreated events (Event Grid). Set true on a second deployment, after the app code is published: the subscription needs the app\'s blobs_extension system key, which exists only once the function host has started with the blob trigger.')
param deployInboxSubscription bool = false

@description('CometAPI price per image in USD, per model: "dall-e-3=0.04;gpt-image-1=0.042". Empty: CometAPI costs unknown (a USD budget then refuses CometAPI jobs).')
param cometImagePrices string = ''

@description('Cosmic tokens the app may spend per UTC day (empty: no limit).')
param budgetDailyTokens string = ''

@description('Cosmic tokens the app may spend per UTC month (empty: no limit).')
param budgetMonthlyTokens string = ''

@description('US dollars (Pixazo, priced CometAPI) the app may spend per UTC day (empty: no limit).')
param budgetDailyUsd string = ''

@description('US dollars the app may spend per UTC month (empty: no limit).')
param budgetMonthlyUsd string = ''

@description('Operators: comma-separated caller names (each with a key: "default" is Api__Key) that see and act on every caller\'s jobs. Empty: every caller sees its own jobs only.')
param adminCallers string = ''

@description('The caller jobs from the requests queue and the blob inbox belong to and are charged to (a caller name; it needs no key).')
param intakeCaller string = 'default'

@description('Deny storage traffic except from the app\'s subnet, trusted Azure services and storageAllowedIpRanges. True (default): result and preview SAS links, and inbox images a provider fetches (Pixazo image-to-video), work only from those ranges. False: the endpoint accepts any network (still only Entra ID and user-delegation SAS, no account keys).')
param restrictStorageNetwork bool = true

@description('Public IP ranges (CIDR, or single addresses) let through the storage firewall when restrictStorageNetwork is true: e.g. the callers that download results, the operators using the dashboard previews, Pixazo\'s egress for inbox images.')
param storageAllowedIpRanges array = []

@description('Address space of the virtual network the app is integrated into (its outbound traffic to storage goes through the subnet\'s service endpoint).')
param vnetAddressPrefix string = '10.40.0.0/16'

@description('Address range of the app\'s subnet (delegated to Microsoft.App/environments, as Flex Consumption requires), inside vnetAddressPrefix.')
param appSubnetPrefix string = '10.40.0.0/24'

@description('Days a finished job\'s record and stored media are kept (Retention__Days; 0 keeps them forever). The app deletes them itself on its hourly purge; the storage account\'s lifecycle rule deletes media-container blobs a day after that as a backstop, and the records of expired jobs after a year.')
@minValue(0)
@maxValue(36500)
param retentionDays int = 30

@description('NCRONTAB schedule (six fields, seconds first) of the retention purge timer (RetentionPurgeSchedule). Default: hourly, at minute 17.')
param retentionPurgeSchedule string = '0 17 * * * *'

var suffix = uniqueString(resourceGroup().id, appName)
var storageName = toLower('${appName}${take(suffix, 13)}')
var deploymentContainer = 'app-package'
var mediaContainer = 'media'
var inboxContainer = 'inbox'
var workflowsContainer = 'mediagen-workflows'
var requestQueue = 'mediagen-requests'
// <queue>-poison: where the Functions host moves a message after maxDequeueCount failures, and where the app writes
// requests that cannot become jobs.
var queues = [ requestQueue, '${requestQueue}-poison', 'mediagen-results' ]

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${appName}-logs-${suffix}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${appName}-ai-${suffix}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: false
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${appName}-vnet-${suffix}'
  location: location
  properties: {
    addressSpace: { addressPrefixes: [ vnetAddressPrefix ] }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: appSubnetPrefix
          delegations: [ { name: 'flex-consumption', properties: { serviceName: 'Microsoft.App/environments' } } ]
          serviceEndpoints: [ { service: 'Microsoft.Storage' } ]
        }
      }
    ]
  }
}

// Read from the network resource (not resourceId()), so the storage firewall and the app wait for the subnet.
var appSubnetId = vnet.properties.subnets[0].id

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
    // No account keys: the app, the Functions host, the Durable extension and the Flex deployment all use the app's
    // managed identity; SAS links are user-delegation SAS.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    // Enabled (not Disabled) because SAS consumers outside Azure reach the blob endpoint; networkAcls narrow who may.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: restrictStorageNetwork ? 'Deny' : 'Allow'
      bypass: 'AzureServices'
      virtualNetworkRules: [ { id: appSubnetId, action: 'Allow' } ]
      ipRules: [for range in storageAllowedIpRanges: { value: range, action: 'Allow' }]
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for name in [ deploymentContainer, mediaContainer, inboxContainer, workflowsContainer ]: {
  parent: blobService
  name: name
  properties: { publicAccess: 'None' }
}]

// Retention's backstop (the app's own purge deletes a job's media when it expires; this rule catches whatever it missed):
// media-container blobs a day after the retention period, so it never deletes media a job record still lists, and the
// records of expired jobs (which answer 410 Gone) after a year, after which their ids answer 404.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = if (retentionDays > 0) {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-expired-media'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: { blobTypes: [ 'blockBlob' ], prefixMatch: [ '${mediaContainer}/' ] }
            actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: retentionDays + 1 } } }
          }
        }
        {
          name: 'delete-expired-job-records'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: { blobTypes: [ 'blockBlob' ], prefixMatch: [ '${workflowsContainer}/expired/' ] }
            actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: 365 } } }
          }
        }
      ]
    }
  }
  dependsOn: [ containers ]
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource storageQueues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for name in queues: {
  parent: queueService
  name: name
}]

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${appName}-kv-${take(suffix, 8)}'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${appName}-plan-${suffix}'
  location: location
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

// Key Vault reference for a secret of the vault above.
func secretRef(vaultName string, secret string) string => '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=${secret})'

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: '${appName}-${suffix}'
  location: location
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    virtualNetworkSubnetId: appSubnetId
    keyVaultReferenceIdentity: 'SystemAssigned'
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: { name: 'dotnet-isolated', version: dotnetVersion }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // Identity-based: no account key anywhere; the host, the extensions and MediaGen's own clients use the managed identity.
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'OTEL_SERVICE_NAME', value: appName }
        { name: 'DurableTaskHubName', value: taskHubName }
        { name: 'Api__Key', value: secretRef(vault.name, 'api-key') }
        // More callers' keys (each its own budgets): add app settings Api__Keys__<caller> = a Key Vault reference.
        { name: 'Api__Keys', value: '' }
        { name: 'Api__AdminCallers', value: adminCallers }
        { name: 'Api__IntakeCaller', value: intakeCaller }
        { name: 'Api__MaxRequestBodyBytes', value: '1048576' }
        { name: 'Api__WatchPollMilliseconds', value: '500' }
        { name: 'Api__WatchMaxPollMilliseconds', value: '2000' }
        { name: 'Api__EventStreamKeepAliveSeconds', value: '15' }
        // Trigger settings are flat names: the host and the scale controller read binding expressions literally.
        { name: 'RequestQueueName', value: requestQueue }
        { name: 'BlobInboxContainerName', value: inboxContainer }
        // The inbox runs on Event Grid here (the Flex Consumption plan has no polling blob trigger); BlobInboxPolling
        // is the function Core Tools + Azurite use. One of the two is enabled.
        { name: 'AzureWebJobs.BlobInbox.Disabled', value: 'false' }
        { name: 'AzureWebJobs.BlobInboxPolling.Disabled', value: 'true' }
        { name: 'BlobInbox__DefaultPrompt', value: 'Bring this image to life with gentle, natural camera motion.' }
        { name: 'BlobInbox__SasLifetime', value: '01:00:00' }
        { name: 'BlobInbox__MaxSpecBytes', value: '1048576' }
        { name: 'Cosmic__BaseUrl', value: 'https://workers.cosmicjs.com' }
        { name: 'Cosmic__BucketSlug', value: cosmicBucketSlug }
        { name: 'Cosmic__WriteKey', value: secretRef(vault.name, 'cosmic-write-key') }
        { name: 'Cosmic__Timeout', value: '00:02:00' }
        { name: 'Cosmic__VideoTimeout', value: '00:04:00' }
        { name: 'Pixazo__BaseUrl', value: 'https://gateway.pixazo.ai' }
        { name: 'Pixazo__SubscriptionKey', value: secretRef(vault.name, 'pixazo-subscription-key') }
        { name: 'Pixazo__Timeout', value: '00:00:30' }
        { name: 'Comet__BaseUrl', value: 'https://api.cometapi.com' }
        { name: 'Comet__ApiKey', value: secretRef(vault.name, 'comet-api-key') }
        { name: 'Comet__Timeout', value: '00:03:00' }
        { name: 'Costs__CometImagePrices', value: cometImagePrices }
        { name: 'Budgets__DailyTokens', value: budgetDailyTokens }
        { name: 'Budgets__MonthlyTokens', value: budgetMonthlyTokens }
        { name: 'Budgets__DailyUsd', value: budgetDailyUsd }
        { name: 'Budgets__MonthlyUsd', value: budgetMonthlyUsd }
        { name: 'Budgets__Callers', value: '' }
        { name: 'ProviderResilience__MaxRetryAttempts', value: '3' }
        { name: 'ProviderResilience__BaseDelay', value: '00:00:01' }
        { name: 'ProviderResilience__MaxDelay', value: '00:00:30' }
        { name: 'ProviderResilience__MaxRetryAfter', value: '00:01:00' }
        { name: 'Media__DefaultContainer', value: mediaContainer }
        // More containers jobs may name as output.container (comma-separated); the inbox and MediaGen's own never are.
        { name: 'Media__AllowedContainers', value: '' }
        { name: 'Media__DefaultFolder', value: '' }
        { name: 'Media__CreateContainer', value: 'false' }
        { name: 'Media__MaxBytes', value: '2147483648' }
        { name: 'Media__BlockSize', value: '4194304' }
        { name: 'Media__UploadConcurrency', value: '4' }
        { name: 'Media__UseServerSideCopy', value: 'false' }
        { name: 'Media__AllowPrivateNetworks', value: 'false' }
        { name: 'Media__AllowedNetworks', value: '' }
        { name: 'Media__MaxRedirects', value: '5' }
        { name: 'Media__ConnectTimeout', value: '00:00:10' }
        { name: 'Media__IdleTimeout', value: '00:01:00' }
        { name: 'Workflows__PublicBaseUrl', value: publicBaseUrl }
        { name: 'Workflows__WebhookSigningKey', value: secretRef(vault.name, 'webhook-signing-key') }
        { name: 'Workflows__DefaultJobTimeout', value: '01:00:00' }
        { name: 'Workflows__ProviderMaxAttempts', value: '4' }
        { name: 'Workflows__ProviderRetryInterval', value: '00:00:02' }
        { name: 'Workflows__ProviderMaxRetryInterval', value: '00:01:00' }
        { name: 'Workflows__CopyMaxAttempts', value: '3' }
        { name: 'Workflows__CopyRetryInterval', value: '00:00:02' }
        { name: 'Workflows__PollInitialInterval', value: '00:00:05' }
        { name: 'Workflows__PollMaxInterval', value: '00:00:30' }
        { name: 'Workflows__PollBackoffCoefficient', value: '2' }
        { name: 'Workflows__MaxConsecutivePollFailures', value: '10' }
        { name: 'Workflows__PollsPerGeneration', value: '20' }
        { name: 'Workflows__MaxPixazoSubmissions', value: '3' }
        { name: 'Workflows__InlineTextMaxBytes', value: '16384' }
        { name: 'Workflows__ResultsQueue', value: 'mediagen-results' }
        { name: 'Workflows__StateContainer', value: workflowsContainer }
        { name: 'Workflows__BatchMaxItems', value: '1000' }
        { name: 'Workflows__BatchChunkSize', value: '50' }
        { name: 'Workflows__BatchConcurrency', value: '10' }
        { name: 'Workflows__ChainMaxSteps', value: '20' }
        { name: 'Retention__Days', value: string(retentionDays) }
        { name: 'Retention__PurgePageSize', value: '100' }
        { name: 'RetentionPurgeSchedule', value: retentionPurgeSchedule }
        { name: 'Callbacks__SigningKey', value: secretRef(vault.name, 'callback-signing-key') }
        { name: 'Callbacks__SecondarySigningKey', value: empty(callbackSecondaryVaultItem) ? '' : secretRef(vault.name, callbackSecondaryVaultItem) }
        { name: 'Callbacks__AttemptTimeout', value: '00:00:10' }
        { name: 'Callbacks__MaxAttempts', value: '6' }
        { name: 'Callbacks__FirstRetryInterval', value: '00:00:02' }
        { name: 'Callbacks__MaxRetryInterval', value: '00:05:00' }
      ]
    }
  }
}

// Flex Consumption runs blob triggers from Event Grid: BlobCreated events of the inbox container go to the
// BlobInbox function's blob-extension webhook.
resource storageEvents 'Microsoft.EventGrid/systemTopics@2024-06-01-preview' = if (deployInboxSubscription) {
  name: '${appName}-storage-events-${suffix}'
  location: location
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource inboxSubscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2024-06-01-preview' = if (deployInboxSubscription) {
  parent: storageEvents
  name: 'inbox-blob-created'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${app.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.BlobInbox&code=${listKeys('${app.id}/host/default', '2024-04-01').systemKeys.blobs_extension}'
      }
    }
    filter: {
      includedEventTypes: [ 'Microsoft.Storage.BlobCreated' ]
      subjectBeginsWith: '/blobServices/default/containers/${inboxContainer}/'
    }
    eventDeliverySchema: 'EventGridSchema'
  }
}

// Role definition ids (built-in roles).
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [ storageBlobDataOwner, storageQueueDataContributor, storageTableDataContributor ]: {
  name: guid(storage.id, app.id, role)
  scope: storage
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
  }
}]

resource vaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, app.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

output functionAppName string = app.name
output functionAppUrl string = 'https://${app.properties.defaultHostName}'
output storageAccountName string = storage.name
output keyVaultName string = vault.name
